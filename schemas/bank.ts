import type { Translation } from './constants.js';
import { CEO_WMO, MCJO_JONGEREN, MCJO_OUDERS } from './ceo.js';
import type { ItemInput, QuestionnaireInput } from './questionnaire.js';

/**
 * Translations of these questionnaires that no native speaker has checked yet: written in plain
 * B1 wording from the Dutch, to be read by a native speaker (ideally one who works with clients)
 * before a gemeente relies on them. Take a language off this list only after that review; the README
 * repeats it.
 */
export const NEEDS_NATIVE_REVIEW: readonly Translation[] = ['tr', 'ar', 'pl', 'uk'];

const WEET_NIET = {
  id: 'weet_niet',
  text: { nl: 'Weet ik niet', en: "I don't know", tr: 'Bilmiyorum', ar: 'لا أعرف', pl: 'Nie wiem', uk: 'Не знаю' },
};
const RATHER_NOT_SAY = {
  id: 'weet_niet',
  text: {
    nl: 'Zeg ik liever niet',
    en: 'I would rather not say',
    tr: 'Söylememeyi tercih ederim',
    ar: 'أفضّل عدم الإجابة',
    pl: 'Wolę nie mówić',
    uk: 'Волію не казати',
  },
};
const JA = { id: 'ja', text: { nl: 'Ja', en: 'Yes', tr: 'Evet', ar: 'نعم', pl: 'Tak', uk: 'Так' } };
const NEE = { id: 'nee', text: { nl: 'Nee', en: 'No', tr: 'Hayır', ar: 'لا', pl: 'Nie', uk: 'Ні' } };

// Items both questionnaires ask share one definition, so their results can be compared.
const totCijfer: ItemInput = {
  id: 'tot_cijfer',
  type: 'cijfer',
  required: true,
  text: {
    nl: 'Welk rapportcijfer geeft u {organisatie}?',
    en: 'What mark would you give {organisatie}, from 1 to 10?',
    tr: '{organisatie} için 1 ile 10 arasında kaç puan verirsiniz?',
    ar: 'ما الدرجة التي تعطيها لـ {organisatie}، من 1 إلى 10؟',
    pl: 'Jaką ocenę od 1 do 10 daje Pan/Pani dla {organisatie}?',
    uk: 'Яку оцінку від 1 до 10 ви даєте {organisatie}?',
  },
  help: {
    nl: '1 is heel slecht, 10 is heel goed.',
    en: '1 is very bad, 10 is very good.',
    tr: '1 çok kötü, 10 çok iyi demektir.',
    ar: '1 تعني سيئ جدًا، و10 تعني جيد جدًا.',
    pl: '1 oznacza bardzo źle, 10 oznacza bardzo dobrze.',
    uk: '1 — дуже погано, 10 — дуже добре.',
  },
};

const totAanraden: ItemInput = {
  id: 'tot_aanraden',
  type: 'aanraden',
  required: true,
  text: {
    nl: 'Zou u familie, vrienden of buren met een vraag aanraden om naar {organisatie} te gaan?',
    en: 'Would you advise family, friends or neighbours with a question to go to {organisatie}?',
    tr: 'Sorusu olan ailenize, arkadaşlarınıza veya komşularınıza {organisatie} ile görüşmelerini tavsiye eder misiniz?',
    ar: 'هل تنصح عائلتك أو أصدقاءك أو جيرانك الذين لديهم سؤال بالذهاب إلى {organisatie}؟',
    pl: 'Czy poleca Pan/Pani {organisatie} rodzinie, przyjaciołom lub sąsiadom, którzy mają jakąś sprawę?',
    uk: 'Чи порадили б ви родині, друзям або сусідам із якимось питанням звернутися до {organisatie}?',
  },
};

const totBeter: ItemInput = {
  id: 'tot_beter',
  type: 'open',
  maxLength: 1000,
  text: {
    nl: 'Wat kan {organisatie} beter doen?',
    en: 'What could {organisatie} do better?',
    tr: '{organisatie} neyi daha iyi yapabilir?',
    ar: 'ما الذي يمكن أن يفعله {organisatie} بشكل أفضل؟',
    pl: 'Co {organisatie} może robić lepiej?',
    uk: 'Що {organisatie} може робити краще?',
  },
};

const mwSerieus: ItemInput = {
  id: 'mw_serieus',
  type: 'stelling',
  text: {
    nl: 'De medewerker nam mij serieus.',
    en: 'The staff member took me seriously.',
    tr: 'Çalışan beni ciddiye aldı.',
    ar: 'أخذني الموظف على محمل الجد.',
    pl: 'Pracownik traktował mnie poważnie.',
    uk: 'Працівник поставився до мене серйозно.',
  },
};

const mwSamen: ItemInput = {
  id: 'mw_samen',
  type: 'stelling',
  text: {
    nl: 'De medewerker en ik hebben samen gezocht naar oplossingen.',
    en: 'The staff member and I looked for solutions together.',
    tr: 'Çalışan ve ben birlikte çözüm aradık.',
    ar: 'بحثت أنا والموظف معًا عن حلول.',
    pl: 'Razem z pracownikiem szukaliśmy rozwiązań.',
    uk: 'Ми з працівником разом шукали рішення.',
  },
};

const resIetsGehad: ItemInput = {
  id: 'res_iets_gehad',
  type: 'stelling',
  text: {
    nl: 'Ik heb iets gehad aan de hulp van {organisatie}.',
    en: 'The help from {organisatie} was useful to me.',
    tr: '{organisatie} üzerinden aldığım yardım işime yaradı.',
    ar: 'استفدت من مساعدة {organisatie}.',
    pl: 'Pomoc od {organisatie} była dla mnie przydatna.',
    uk: 'Допомога від {organisatie} була мені корисною.',
  },
};

/** The short questionnaire, for right after a contact (about a minute). */
export const SOCIAAL_TEAM_KORT: QuestionnaireInput = {
  id: 'sociaal-team-kort',
  title: {
    nl: 'Korte vragenlijst over de hulp',
    en: 'Short questionnaire about the help',
    tr: 'Yardım hakkında kısa anket',
    ar: 'استبيان قصير عن المساعدة',
    pl: 'Krótka ankieta o pomocy',
    uk: 'Коротке опитування про допомогу',
  },
  intro: {
    nl: 'Wij willen graag weten wat u van de hulp vond. Het invullen duurt ongeveer 1 minuut. Uw antwoorden zijn anoniem.',
    en: 'We would like to know what you thought of the help. It takes about 1 minute. Your answers are anonymous.',
    tr: 'Yardım hakkında ne düşündüğünüzü öğrenmek istiyoruz. Doldurmak yaklaşık 1 dakika sürer. Cevaplarınız anonimdir.',
    ar: 'نريد أن نعرف رأيك في المساعدة. تستغرق التعبئة دقيقة واحدة تقريبًا. إجاباتك لا تحمل اسمك.',
    pl: 'Chcemy wiedzieć, co sądzi Pan/Pani o pomocy. Wypełnienie zajmuje około 1 minuty. Odpowiedzi są anonimowe.',
    uk: 'Ми хочемо знати, що ви думаєте про допомогу. Заповнення займає приблизно 1 хвилину. Ваші відповіді анонімні.',
  },
  sections: [
    {
      id: 'uw_mening',
      title: { nl: 'Uw mening', en: 'Your opinion', tr: 'Görüşünüz', ar: 'رأيك', pl: 'Pana/Pani opinia', uk: 'Ваша думка' },
      items: [totCijfer, mwSerieus, mwSamen, resIetsGehad, totAanraden, totBeter],
    },
  ],
};

/** The full periodic questionnaire (five to eight minutes), in sections. */
export const SOCIAAL_TEAM: QuestionnaireInput = {
  id: 'sociaal-team',
  title: {
    nl: 'Vragenlijst over de hulp',
    en: 'Questionnaire about the help',
    tr: 'Yardım hakkında anket',
    ar: 'استبيان عن المساعدة',
    pl: 'Ankieta o pomocy',
    uk: 'Опитування про допомогу',
  },
  intro: {
    nl: 'Wij willen graag weten wat u van de hulp vond. Het invullen duurt ongeveer 5 tot 8 minuten. U kunt vragen overslaan. Uw antwoorden zijn anoniem.',
    en: 'We would like to know what you thought of the help. It takes about 5 to 8 minutes. You can skip questions. Your answers are anonymous.',
    tr: 'Yardım hakkında ne düşündüğünüzü öğrenmek istiyoruz. Doldurmak yaklaşık 5 ile 8 dakika sürer. Soruları atlayabilirsiniz. Cevaplarınız anonimdir.',
    ar: 'نريد أن نعرف رأيك في المساعدة. تستغرق التعبئة من 5 إلى 8 دقائق تقريبًا. يمكنك ترك أسئلة بلا إجابة. إجاباتك لا تحمل اسمك.',
    pl: 'Chcemy wiedzieć, co sądzi Pan/Pani o pomocy. Wypełnienie zajmuje około 5 do 8 minut. Można pominąć pytania. Odpowiedzi są anonimowe.',
    uk: 'Ми хочемо знати, що ви думаєте про допомогу. Заповнення займає приблизно від 5 до 8 хвилин. Ви можете пропускати запитання. Ваші відповіді анонімні.',
  },
  sections: [
    {
      id: 'contact',
      title: {
        nl: 'Over uw contact',
        en: 'About your contact',
        tr: 'Görüşmeniz hakkında',
        ar: 'عن تواصلك معنا',
        pl: 'O kontakcie',
        uk: 'Про ваш контакт',
      },
      items: [
        {
          id: 'ctx_team',
          type: 'keuze',
          context: 'team',
          optionsFrom: 'teams',
          text: {
            nl: 'Met welk team had u contact?',
            en: 'Which team were you in contact with?',
            tr: 'Hangi ekiple görüştünüz?',
            ar: 'مع أي فريق كنت على تواصل؟',
            pl: 'Z którym zespołem był kontakt?',
            uk: 'З якою командою ви контактували?',
          },
          options: [WEET_NIET],
        },
        {
          id: 'ctx_contact',
          type: 'keuze',
          context: 'contact',
          text: {
            nl: 'Wat voor contact had u?',
            en: 'What kind of contact did you have?',
            tr: 'Nasıl bir görüşme yaptınız?',
            ar: 'ما نوع التواصل الذي كان لديك؟',
            pl: 'Jaki to był kontakt?',
            uk: 'Який це був контакт?',
          },
          options: [
            {
              id: 'kort',
              text: {
                nl: 'Een kort gesprek voor informatie of advies',
                en: 'A short conversation for information or advice',
                tr: 'Bilgi veya tavsiye için kısa bir görüşme',
                ar: 'محادثة قصيرة للحصول على معلومات أو نصيحة',
                pl: 'Krótka rozmowa po informację lub poradę',
                uk: 'Коротка розмова, щоб отримати інформацію чи пораду',
              },
            },
            {
              id: 'lang',
              text: {
                nl: 'Ik krijg (of kreeg) langere tijd hulp',
                en: 'I get (or got) help for a longer time',
                tr: 'Uzun süre yardım alıyorum (veya aldım)',
                ar: 'أحصل (أو حصلت) على مساعدة لمدة أطول',
                pl: 'Dostaję (lub dostawałem/dostawałam) pomoc przez dłuższy czas',
                uk: 'Я отримую (або отримував/отримувала) допомогу довший час',
              },
            },
            WEET_NIET,
          ],
        },
        {
          id: 'ctx_status',
          type: 'keuze',
          context: 'status',
          text: {
            nl: 'Is de hulp afgerond?',
            en: 'Has the help ended?',
            tr: 'Yardım sona erdi mi?',
            ar: 'هل انتهت المساعدة؟',
            pl: 'Czy pomoc się zakończyła?',
            uk: 'Допомога вже закінчилася?',
          },
          options: [
            {
              id: 'afgerond',
              text: {
                nl: 'Ja, de hulp is afgerond',
                en: 'Yes, the help has ended',
                tr: 'Evet, yardım sona erdi',
                ar: 'نعم، انتهت المساعدة',
                pl: 'Tak, pomoc się zakończyła',
                uk: 'Так, допомога закінчилася',
              },
            },
            {
              id: 'loopt',
              text: {
                nl: 'Nee, de hulp loopt nog',
                en: 'No, the help is still going on',
                tr: 'Hayır, yardım hâlâ devam ediyor',
                ar: 'لا، المساعدة ما زالت مستمرة',
                pl: 'Nie, pomoc nadal trwa',
                uk: 'Ні, допомога ще триває',
              },
            },
            WEET_NIET,
          ],
        },
        {
          id: 'ctx_rol',
          type: 'keuze',
          context: 'role',
          text: {
            nl: 'Voor wie vult u deze vragenlijst in?',
            en: 'Who are you filling in this questionnaire for?',
            tr: 'Bu anketi kimin için dolduruyorsunuz?',
            ar: 'لمن تملأ هذا الاستبيان؟',
            pl: 'Dla kogo wypełnia Pan/Pani tę ankietę?',
            uk: 'Для кого ви заповнюєте це опитування?',
          },
          options: [
            { id: 'zelf', text: { nl: 'Voor mezelf', en: 'For myself', tr: 'Kendim için', ar: 'لنفسي', pl: 'Dla siebie', uk: 'Для себе' } },
            {
              id: 'kind',
              text: {
                nl: 'Voor mijn kind',
                en: 'For my child',
                tr: 'Çocuğum için',
                ar: 'لطفلي',
                pl: 'Dla mojego dziecka',
                uk: 'Для моєї дитини',
              },
            },
            {
              id: 'zorg',
              text: {
                nl: 'Voor iemand voor wie ik zorg',
                en: 'For someone I care for',
                tr: 'Baktığım biri için',
                ar: 'لشخص أعتني به',
                pl: 'Dla osoby, którą się opiekuję',
                uk: 'Для людини, про яку я дбаю',
              },
            },
            {
              id: 'anders',
              text: {
                nl: 'Voor iemand anders',
                en: 'For someone else',
                tr: 'Başka biri için',
                ar: 'لشخص آخر',
                pl: 'Dla kogoś innego',
                uk: 'Для когось іншого',
              },
            },
          ],
        },
      ],
    },
    {
      id: 'hulp_vragen',
      title: {
        nl: 'Hulp vragen',
        en: 'Asking for help',
        tr: 'Yardım istemek',
        ar: 'طلب المساعدة',
        pl: 'Prośba o pomoc',
        uk: 'Звернення по допомогу',
      },
      items: [
        {
          id: 'toe_wist_waar',
          type: 'stelling',
          text: {
            nl: 'Ik wist waar ik moest zijn met mijn vraag.',
            en: 'I knew where to go with my question.',
            tr: 'Sorumla nereye gitmem gerektiğini biliyordum.',
            ar: 'كنت أعرف إلى أين أذهب بسؤالي.',
            pl: 'Było dla mnie jasne, gdzie mam się zgłosić z moim pytaniem.',
            uk: 'Мені було зрозуміло, куди звернутися зі своїм питанням.',
          },
        },
        {
          id: 'toe_makkelijk',
          type: 'stelling',
          text: {
            nl: 'Het was makkelijk om in contact te komen met {organisatie}.',
            en: 'It was easy to get in touch with {organisatie}.',
            tr: '{organisatie} ile iletişime geçmek kolaydı.',
            ar: 'كان من السهل التواصل مع {organisatie}.',
            pl: 'Łatwo było nawiązać kontakt z {organisatie}.',
            uk: 'Було легко зв’язатися з {organisatie}.',
          },
        },
        {
          id: 'toe_snel',
          type: 'stelling',
          text: {
            nl: 'Ik werd snel geholpen.',
            en: 'I was helped quickly.',
            tr: 'Bana hızlı yardım edildi.',
            ar: 'حصلت على المساعدة بسرعة.',
            pl: 'Pomoc przyszła szybko.',
            uk: 'Мені швидко допомогли.',
          },
        },
        {
          id: 'toe_info_vooraf',
          type: 'stelling',
          text: {
            nl: 'Voor het eerste gesprek wist ik waar het gesprek over zou gaan.',
            en: 'Before the first conversation, I knew what it would be about.',
            tr: 'İlk görüşmeden önce görüşmenin ne hakkında olacağını biliyordum.',
            ar: 'قبل المحادثة الأولى كنت أعرف عمّا ستكون.',
            pl: 'Przed pierwszą rozmową było dla mnie jasne, o czym będzie rozmowa.',
            uk: 'Перед першою розмовою мені було зрозуміло, про що вона буде.',
          },
        },
        {
          id: 'toe_oco_bekend',
          type: 'keuze',
          text: {
            nl: 'Wist u dat u gratis hulp kunt krijgen van een onafhankelijke cliëntondersteuner? Dat is iemand die naast u staat, bijvoorbeeld bij een gesprek met de gemeente.',
            en: 'Did you know that you can get free help from an independent client supporter? That is someone who is on your side, for example in a conversation with the municipality.',
            tr: 'Bağımsız bir destek kişisinden ücretsiz yardım alabileceğinizi biliyor muydunuz? Bu kişi sizin yanınızda durur, örneğin belediye ile bir görüşmede.',
            ar: 'هل كنت تعرف أنك تستطيع الحصول على مساعدة مجانية من مرافق مستقل؟ هو شخص يقف إلى جانبك، مثلًا في محادثة مع البلدية.',
            pl: 'Czy wie Pan/Pani, że można dostać bezpłatną pomoc od niezależnego doradcy klienta? To osoba, która jest po Pana/Pani stronie, na przykład podczas rozmowy z gminą.',
            uk: 'Чи знали ви, що можете отримати безкоштовну допомогу від незалежного помічника клієнта? Це людина, яка на вашому боці, наприклад під час розмови з муніципалітетом.',
          },
          options: [JA, NEE],
        },
      ],
    },
    {
      id: 'medewerker',
      title: { nl: 'De medewerker', en: 'The staff member', tr: 'Çalışan', ar: 'الموظف', pl: 'Pracownik', uk: 'Працівник' },
      items: [
        mwSerieus,
        {
          id: 'mw_luisteren',
          type: 'stelling',
          text: {
            nl: 'De medewerker luisterde goed naar mij.',
            en: 'The staff member listened to me well.',
            tr: 'Çalışan beni iyi dinledi.',
            ar: 'استمع الموظف إليّ جيدًا.',
            pl: 'Pracownik dobrze mnie słuchał.',
            uk: 'Працівник уважно мене слухав.',
          },
        },
        mwSamen,
        {
          id: 'mw_deskundig',
          type: 'stelling',
          text: {
            nl: 'De medewerker wist genoeg om mij goed te helpen.',
            en: 'The staff member knew enough to help me well.',
            tr: 'Çalışan bana iyi yardım edecek kadar bilgiliydi.',
            ar: 'كان الموظف يعرف ما يكفي لمساعدتي جيدًا.',
            pl: 'Pracownik wiedział wystarczająco dużo, żeby dobrze mi pomóc.',
            uk: 'Працівник знав достатньо, щоб добре мені допомогти.',
          },
        },
        {
          id: 'mw_bereikbaar',
          type: 'stelling',
          text: {
            nl: 'Ik kon de medewerker goed bereiken als dat nodig was.',
            en: 'I could easily reach the staff member when I needed to.',
            tr: 'Gerektiğinde çalışana kolayca ulaşabiliyordum.',
            ar: 'كنت أستطيع الوصول إلى الموظف بسهولة عند الحاجة.',
            pl: 'Gdy było trzeba, łatwo było skontaktować się z pracownikiem.',
            uk: 'Коли було потрібно, з працівником було легко зв’язатися.',
          },
        },
        {
          id: 'mw_verhaal',
          type: 'stelling',
          text: {
            nl: 'Ik hoefde mijn verhaal niet steeds opnieuw te vertellen.',
            en: 'I did not have to tell my story again and again.',
            tr: 'Derdimi tekrar tekrar anlatmak zorunda kalmadım.',
            ar: 'لم أضطر إلى إعادة قصتي مرة بعد مرة.',
            pl: 'Nie trzeba było ciągle od nowa opowiadać mojej historii.',
            uk: 'Мені не треба було знову і знову розповідати свою історію.',
          },
        },
        {
          id: 'mw_aanspreekpunt',
          type: 'stelling',
          text: {
            nl: 'Het was duidelijk wie mijn vaste contactpersoon was.',
            en: 'It was clear who my regular contact person was.',
            tr: 'Sabit irtibat kişimin kim olduğu belliydi.',
            ar: 'كان واضحًا من هو الشخص الثابت الذي أتواصل معه.',
            pl: 'Było jasne, kto jest moją stałą osobą do kontaktu.',
            uk: 'Було зрозуміло, хто моя постійна контактна особа.',
          },
        },
      ],
    },
    {
      id: 'opgeleverd',
      title: {
        nl: 'Wat heeft de hulp opgeleverd?',
        en: 'What has the help done for you?',
        tr: 'Yardım size ne kazandırdı?',
        ar: 'ماذا قدّمت لك المساعدة؟',
        pl: 'Co dała pomoc?',
        uk: 'Що дала допомога?',
      },
      items: [
        {
          id: 'res_ondersteund',
          type: 'stelling',
          text: {
            nl: 'Ik voel me door {organisatie} gesteund.',
            en: 'I feel supported by {organisatie}.',
            tr: '{organisatie} tarafından desteklendiğimi hissediyorum.',
            ar: 'أشعر أن {organisatie} يدعمني.',
            pl: 'Czuję wsparcie od {organisatie}.',
            uk: 'Я відчуваю підтримку від {organisatie}.',
          },
        },
        resIetsGehad,
        {
          id: 'res_past',
          type: 'stelling',
          text: {
            nl: 'De hulp past bij mijn vraag.',
            en: 'The help fits my question.',
            tr: 'Yardım, ihtiyacıma uygun.',
            ar: 'تناسب المساعدة ما طلبته.',
            pl: 'Pomoc odpowiada na moją potrzebę.',
            uk: 'Допомога відповідає моєму запиту.',
          },
        },
        {
          id: 'res_redden',
          type: 'stelling',
          text: {
            nl: 'Door de hulp kan ik mij beter redden.',
            en: 'Because of the help, I can manage better.',
            tr: 'Yardım sayesinde kendi başıma daha iyi idare edebiliyorum.',
            ar: 'بفضل المساعدة أستطيع أن أتدبّر أموري بشكل أفضل.',
            pl: 'Dzięki pomocy lepiej sobie radzę.',
            uk: 'Завдяки допомозі я краще даю собі раду.',
          },
        },
        {
          id: 'res_doen',
          type: 'stelling',
          text: {
            nl: 'Door de hulp kan ik beter de dingen doen die ik wil.',
            en: 'Because of the help, I can better do the things I want to do.',
            tr: 'Yardım sayesinde istediğim şeyleri daha iyi yapabiliyorum.',
            ar: 'بفضل المساعدة أستطيع أن أفعل الأشياء التي أريدها بشكل أفضل.',
            pl: 'Dzięki pomocy mogę lepiej robić to, co chcę.',
            uk: 'Завдяки допомозі я можу краще робити те, що хочу.',
          },
        },
        {
          id: 'res_vel',
          type: 'stelling',
          text: {
            nl: 'Door de hulp zit ik beter in mijn vel.',
            en: 'Because of the help, I feel better.',
            tr: 'Yardım sayesinde kendimi daha iyi hissediyorum.',
            ar: 'بفضل المساعدة أشعر بحال أفضل.',
            pl: 'Dzięki pomocy czuję się lepiej.',
            uk: 'Завдяки допомозі я почуваюся краще.',
          },
        },
        {
          id: 'res_doel',
          type: 'keuze',
          text: {
            nl: 'Heeft de hulp u geholpen om te bereiken wat u wilde?',
            en: 'Did the help allow you to achieve what you wanted?',
            tr: 'Yardım, istediğinize ulaşmanıza yardımcı oldu mu?',
            ar: 'هل ساعدتك المساعدة على تحقيق ما أردته؟',
            pl: 'Czy dzięki pomocy udało się osiągnąć Pana/Pani cel?',
            uk: 'Чи вдалося завдяки допомозі досягти того, чого ви хотіли?',
          },
          options: [
            {
              id: 'helemaal',
              text: {
                nl: 'Ja, helemaal',
                en: 'Yes, completely',
                tr: 'Evet, tamamen',
                ar: 'نعم، تمامًا',
                pl: 'Tak, całkowicie',
                uk: 'Так, повністю',
              },
            },
            { id: 'beetje', text: { nl: 'Een beetje', en: 'A little', tr: 'Biraz', ar: 'قليلًا', pl: 'Trochę', uk: 'Трохи' } },
            NEE,
            {
              id: 'nog_niet',
              text: {
                nl: 'Nog niet, de hulp loopt nog',
                en: 'Not yet, the help is still going on',
                tr: 'Henüz değil, yardım hâlâ devam ediyor',
                ar: 'ليس بعد، المساعدة ما زالت مستمرة',
                pl: 'Jeszcze nie, pomoc nadal trwa',
                uk: 'Ще ні, допомога ще триває',
              },
            },
            WEET_NIET,
          ],
        },
        {
          id: 'res_nazorg',
          type: 'keuze',
          // Only someone whose help has ended can say whether anyone checked in afterwards.
          showIf: { item: 'ctx_status', in: ['afgerond'] },
          text: {
            nl: 'Heeft {organisatie} later nog contact met u opgenomen om te vragen hoe het gaat?',
            en: 'Did {organisatie} contact you later to ask how you were doing?',
            tr: 'Daha sonra {organisatie} nasıl olduğunuzu sormak için sizinle iletişime geçti mi?',
            ar: 'هل تواصل معك {organisatie} لاحقًا ليسأل عن حالك؟',
            pl: 'Czy {organisatie} odezwał się później, żeby zapytać, jak się sprawy mają?',
            uk: 'Чи зв’язалися з вами пізніше з {organisatie}, щоб запитати, як у вас справи?',
          },
          options: [JA, NEE, WEET_NIET],
        },
        {
          id: 'hulp_geholpen_met',
          type: 'meerkeuze',
          text: {
            nl: 'Waarmee heeft {organisatie} u geholpen?',
            en: 'What did {organisatie} help you with?',
            tr: '{organisatie} size hangi konularda yardım etti?',
            ar: 'في ماذا ساعدك {organisatie}؟',
            pl: 'W czym pomógł Panu/Pani {organisatie}?',
            uk: 'З чим вам допомогли в {organisatie}?',
          },
          help: {
            nl: 'U kunt meer dan één antwoord kiezen.',
            en: 'You can choose more than one answer.',
            tr: 'Birden fazla cevap seçebilirsiniz.',
            ar: 'يمكنك اختيار أكثر من إجابة.',
            pl: 'Można wybrać więcej niż jedną odpowiedź.',
            uk: 'Можна вибрати більше однієї відповіді.',
          },
          options: [
            {
              id: 'formulieren',
              text: {
                nl: 'Formulieren lezen en invullen',
                en: 'Reading and filling in forms',
                tr: 'Formları okumak ve doldurmak',
                ar: 'قراءة النماذج وتعبئتها',
                pl: 'Czytanie i wypełnianie formularzy',
                uk: 'Читання і заповнення форм',
              },
            },
            {
              id: 'informatie',
              text: { nl: 'Informatie', en: 'Information', tr: 'Bilgi', ar: 'معلومات', pl: 'Informacje', uk: 'Інформація' },
            },
            { id: 'advies', text: { nl: 'Advies', en: 'Advice', tr: 'Tavsiye', ar: 'نصيحة', pl: 'Porada', uk: 'Порада' } },
            {
              id: 'samen_nadenken',
              text: {
                nl: 'Samen nadenken over oplossingen die ik zelf kon uitvoeren',
                en: 'Thinking together about solutions I could carry out myself',
                tr: 'Kendim uygulayabileceğim çözümleri birlikte düşünmek',
                ar: 'التفكير معًا في حلول أستطيع تنفيذها بنفسي',
                pl: 'Wspólne szukanie rozwiązań, które mogę wprowadzić samodzielnie',
                uk: 'Разом шукати рішення, які я можу втілити самостійно',
              },
            },
            {
              id: 'doorverwijzen',
              text: {
                nl: 'Doorverwijzen naar een andere organisatie',
                en: 'Referring me to another organisation',
                tr: 'Başka bir kuruluşa yönlendirmek',
                ar: 'التحويل إلى منظمة أخرى',
                pl: 'Skierowanie do innej organizacji',
                uk: 'Направлення до іншої організації',
              },
            },
            {
              id: 'meegaan',
              text: {
                nl: 'Meegaan naar een gesprek',
                en: 'Going with me to a meeting',
                tr: 'Bir görüşmeye benimle gelmek',
                ar: 'الذهاب معي إلى موعد',
                pl: 'Pójście ze mną na rozmowę',
                uk: 'Піти зі мною на зустріч',
              },
            },
            {
              id: 'geldzaken',
              text: {
                nl: 'Mijn geldzaken op orde brengen',
                en: 'Sorting out my money matters',
                tr: 'Para işlerimi düzene sokmak',
                ar: 'ترتيب أموري المالية',
                pl: 'Uporządkowanie moich spraw finansowych',
                uk: 'Навести лад у моїх грошових справах',
              },
            },
            {
              id: 'netwerk',
              text: {
                nl: 'Familie, vrienden of buren erbij betrekken',
                en: 'Involving family, friends or neighbours',
                tr: 'Aileyi, arkadaşları veya komşuları sürece katmak',
                ar: 'إشراك العائلة أو الأصدقاء أو الجيران',
                pl: 'Włączenie rodziny, przyjaciół lub sąsiadów',
                uk: 'Залучити родину, друзів чи сусідів',
              },
            },
            {
              id: 'anders',
              text: { nl: 'Iets anders', en: 'Something else', tr: 'Başka bir şey', ar: 'شيء آخر', pl: 'Coś innego', uk: 'Щось інше' },
            },
          ],
        },
      ],
    },
    {
      id: 'tot_slot',
      title: { nl: 'Tot slot', en: 'Finally', tr: 'Son olarak', ar: 'في الختام', pl: 'Na koniec', uk: 'Насамкінець' },
      items: [
        totCijfer,
        totAanraden,
        {
          id: 'tot_goed',
          type: 'open',
          maxLength: 1000,
          text: {
            nl: 'Wat ging er goed?',
            en: 'What went well?',
            tr: 'Neler iyi gitti?',
            ar: 'ما الذي كان جيدًا؟',
            pl: 'Co poszło dobrze?',
            uk: 'Що було добре?',
          },
        },
        totBeter,
        {
          id: 'ctx_leeftijd',
          type: 'keuze',
          context: 'leeftijd',
          text: {
            nl: 'Hoe oud bent u?',
            en: 'How old are you?',
            tr: 'Kaç yaşındasınız?',
            ar: 'كم عمرك؟',
            pl: 'Ile ma Pan/Pani lat?',
            uk: 'Скільки вам років?',
          },
          help: {
            nl: 'Vult u dit in voor iemand anders? Geef dan de leeftijd van die persoon.',
            en: 'Filling this in for someone else? Then give that person’s age.',
            tr: 'Bunu başka biri için mi dolduruyorsunuz? O zaman o kişinin yaşını verin.',
            ar: 'هل تملأ هذا لشخص آخر؟ اذكر إذن عمر ذلك الشخص.',
            pl: 'Wypełnia Pan/Pani ankietę za kogoś innego? Proszę podać wiek tej osoby.',
            uk: 'Заповнюєте за когось іншого? Тоді вкажіть вік цієї людини.',
          },
          options: [
            {
              id: 'jonger_dan_45',
              text: {
                nl: 'Jonger dan 45 jaar',
                en: 'Younger than 45',
                tr: '45 yaşından küçük',
                ar: 'أقل من 45 سنة',
                pl: 'Poniżej 45 lat',
                uk: 'Молодше 45 років',
              },
            },
            {
              id: '45_64',
              text: {
                nl: '45 tot en met 64 jaar',
                en: '45 to 64',
                tr: '45–64 yaş',
                ar: 'من 45 إلى 64 سنة',
                pl: '45–64 lata',
                uk: '45–64 роки',
              },
            },
            {
              id: '65_plus',
              text: {
                nl: '65 jaar of ouder',
                en: '65 or older',
                tr: '65 yaş veya üstü',
                ar: '65 سنة أو أكثر',
                pl: '65 lat lub więcej',
                uk: '65 років і більше',
              },
            },
            RATHER_NOT_SAY,
          ],
        },
        {
          id: 'meta_hulp_invullen',
          type: 'keuze',
          text: {
            nl: 'Heeft iemand u geholpen bij het invullen van deze vragenlijst?',
            en: 'Did someone help you fill in this questionnaire?',
            tr: 'Bu anketi doldururken biri size yardım etti mi?',
            ar: 'هل ساعدك أحد في تعبئة هذا الاستبيان؟',
            pl: 'Czy ktoś pomagał Panu/Pani wypełnić tę ankietę?',
            uk: 'Чи допомагав вам хтось заповнити це опитування?',
          },
          options: [JA, NEE],
        },
      ],
    },
  ],
};

/**
 * A questionnaire with the gemeente's own list of wijken asked at the end (`ctx_wijk`), unless the embed
 * sets the wijk. The list is the gemeente's: its ids are what breakdowns, filters and weights use.
 */
export function withWijken(q: QuestionnaireInput, wijken: { id: string; name: string }[]): QuestionnaireInput {
  const wijk: ItemInput = {
    id: 'ctx_wijk',
    type: 'keuze',
    context: 'wijk',
    text: {
      nl: 'In welke wijk woont u?',
      en: 'Which neighbourhood do you live in?',
      tr: 'Hangi semtte oturuyorsunuz?',
      ar: 'في أي حي تسكن؟',
      pl: 'W jakiej dzielnicy Pan/Pani mieszka?',
      uk: 'У якому районі ви живете?',
    },
    // A wijk's name is the same in every language.
    options: [...wijken.map((w) => ({ id: w.id, text: { nl: w.name } })), RATHER_NOT_SAY],
  };
  const last = q.sections.length - 1;
  return { ...q, sections: q.sections.map((s, i) => (i === last ? { ...s, items: [...s.items, wijk] } : s)) };
}

/** The default questionnaires by id. */
export const TEMPLATES = {
  'sociaal-team-kort': SOCIAAL_TEAM_KORT,
  'sociaal-team': SOCIAAL_TEAM,
  'ceo-wmo': CEO_WMO,
  'mcjo-ouders': MCJO_OUDERS,
  'mcjo-jongeren': MCJO_JONGEREN,
} as const satisfies Record<string, QuestionnaireInput>;
