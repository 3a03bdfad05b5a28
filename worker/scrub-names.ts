/**
 * Common first names of people in Dutch gemeenten: Dutch, Turkish, Moroccan, Surinamese (Hindustani,
 * Creole, Javanese) and Polish. Written without diacritics and in lower case, as `foldName` makes them.
 * Names that are also everyday words at the start of a sentence (Ben, Wil, Max, Roos, Floor, Lieve,
 * Can, Said, Mei, Hoop, Will, May, Rose) are left out: those are caught only after a word such as "mevrouw".
 */
const LIST = `
aad aafke aaltje abdel abdelaziz abdelhak abdelkader abdellah abdelilah abderrahim abdou abdullah abdul
achmed adil adnan adrie adriaan adrianus agnes agnieszka ahmad ahmed ahmet aicha aisha aischa albert
aleksandra alex alexander ali alice alida alie amal amber amin amina amine amir amira anand andre
andrea andrzej anil anita anja anjali anke anne anneke annemarie annet annie anouar anouk anton antonie
arie arjan arjen arnold arthur asha ashwin asma astrid ayoub aysel ayse aziz baran barbara bart bastiaan
beata bert bertus betty bianca bilal birgit bouchra bram brahim britt bulent burak busra carla carmen
caroline cees celal cem chantal charlotte chris christiaan christina cindy claudia clyde coby cor corrie
cornelis daan dana daniel daniela danny dave david debby delano demi dennis derya desiree dewi diana
dick diederik dinesh dirk djamila dolly dorota driss dylan ebru eddy edwin eefje egbert elif elisabeth
elise elly els elske emine emma emre enes ercan erik erkan errol esma esmee esra esther eva evelien ewa
ewout fadoua fairouz farid faris fatima fatma fatiha fatih femke fenna finn fleur frank frans
freek frits furkan gemma geert gerard gerda gerrit gert gertrude gijs glenn greet grzegorz gul gulsen
guus hafsa hakan halima hamid hamza hanane hanna hannah hans harm harrie hasan hassan hatice hendrik
henk henny herman hicham houda hulya huseyin ibrahim ida ikram ilias ilona ilse imane imke imran inge
ingrid iris irma isa isabel ivo iwan izabela jaap jacob jakub jamal jan janneke jannes jasper jayden
jelle jennifer jeroen jesse jessica joanna joep johan johanna johannes joke jolanda joost jorien joris
jos jose josje joyce judith julia justyna kamal kamil karim karin karolina kasia katarzyna kavita
kees kemal kevin khadija khalid kim kimberley klaas koen krzysztof kubra latifa laura lieke lies 
linda lisa lisanne liam loes lotte loubna louise lucas lukasz luuk maaike maarten madelief magdalena
mahesh malgorzata malika manon marcel marcin marco marek maria marian marieke marielle marijke marina
marion marja marjolein mark marleen marloes marlon martha martin martine mateusz mathijs maud meike
melissa merel meryem merve mesut michal michel michiel mila milan mirjam mohamed mohammed monique
mounir muhammad murat mustafa mustapha nadia naima najib natalia natasja nicole niels nina noa noah
noor nora nordin nurcan olga omar onur orhan osman otto paimin patricia patrick paul paulina pawel peter petra
piet pieter piotr priya rachid rachida radha rajesh rakesh ramesh ravi rebecca reshma ria richard
ricardo rik rikie rini rob robert robin rocco roel romano romy ronald rosa roshni ruben rudi rudy
ruud saida salma samir samira sandeep sander sandra sanjay sanne sara sarah sarmi saskia selin sem serkan
sevgi shanti sharmila sharon sheila simone sita sjaak sjoerd soeparman soenita sofia sonja songul sophie
soufiane soumaya stefan stijn sunil susan suzanne sven sylwia tamara teun thijs thomas tijn tim timo
tineke tolga tom tomasz ton truus tuba vera victor vikash volkan willem wilma wim winston wojciech
wagiman wouter yasemin yasmina yassine yousef youssef yusuf yvonne zeynep zineb zoe zofia zohra
`;

/** Lower case without diacritics: "Hüseyin" and "huseyin" are the same name. */
export function foldName(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export const FIRST_NAMES: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
