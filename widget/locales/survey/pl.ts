
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's03bf37fb08f24ceb': `Język`,
's092e6307b5c1bb34': `Tak`,
's17bc2d8e321d5f81': `Odpowiedzi zostały wysłane. Wykorzystamy je, żeby pomoc była lepsza.`,
's1b3e7c33d77ef389': `Można wybrać więcej niż jedną odpowiedź.`,
's1f0149847a099a73': `Wstecz`,
's2549cbd241ea9c7c': `Proszę coś tu wpisać.`,
's32d4defd0bc9bf50': `Proszę najpierw odpowiedzieć na to pytanie:`,
's37420319c32adb5b': `Nie`,
's3c0e240cbc38e8de': `Proszę najpierw odpowiedzieć na te pytania:`,
's3f8837cc60f8010d': `Nie wiem / nie dotyczy`,
's40c74194a7d1aea2': str`Krok ${0} z ${1}`,
's4f56a9429df49acb': `Zgadzam się`,
's61d3d3b6bfe08b14': `Przeczytaj na głos`,
's61e363008cac6f8d': `Coś poszło nie tak z odpowiedziami. Proszę sprawdzić odpowiedzi i spróbować jeszcze raz.`,
's63116bed0a7613b6': `Proszę wybrać jedną lub więcej odpowiedzi.`,
's6705ed7949230560': `Nie udało się wczytać ankiety. Proszę sprawdzić połączenie z internetem i spróbować jeszcze raz.`,
's6e323186fd9c6e6e': `Tę ankietę można wypełnić tylko przez osobisty link, który Pan/Pani dostał(a).`,
's6fc106073de4c9a5': `Wyślij`,
's72e391c69bc22e34': `0 oznacza na pewno nie, 10 oznacza na pewno tak.`,
's7beee8441ee63c6d': `Można zamknąć tę stronę.`,
's84e62a7d7975afce': `Nie zgadzam się`,
's850c6960155cb054': `Zdecydowanie się zgadzam`,
's98d5cce6d3b8805f': `Spróbuj ponownie`,
's996244a1ea19f1c9': `1 pytanie nie ma jeszcze odpowiedzi.`,
's9a9803f5007af246': `Dziękujemy za odpowiedzi!`,
's9f838ffe65d31dc3': `Dalej`,
'sa0b2cf99b2f858d1': `Proszę wybrać odpowiedź.`,
'sa2ba040933bde9e6': `Może`,
'sa350aa6d5a17245d': str`krok ${0}`,
'sa4ccf8e68c51dd01': `1 oznacza bardzo źle, 10 oznacza bardzo dobrze.`,
'saab4d28b50ae649f': str`Pytania bez odpowiedzi: ${0}.`,
'sab0badc81ac3ee1f': `Ta ankieta nie jest dobrze ustawiona na tej stronie. Prosimy dać znać organizacji.`,
'saf2d62c1557c94fd': `Ankieta się wczytuje…`,
'sb0ba76f6208249d2': `Coś poszło nie tak. Proszę spróbować później.`,
'sbb9e38858e63b2f6': `Nie na wszystkie obowiązkowe pytania jest odpowiedź. Chodzi o:`,
'sbee3b539e2fbffc3': `Ta ankieta już nie istnieje.`,
'sc28bf0a47fb0fdb8': `Wysyłanie…`,
'sc3f9c4a28e56a156': `Ta ankieta jest zamknięta. Nie można już odpowiadać.`,
'scd769ba22cc8ea7d': `Zdecydowanie się nie zgadzam`,
'sd5a335e07c55d085': str`Pytanie ${0} z ${1}`,
'sd76318043db4b523': `(obowiązkowe)`,
'sdc472b7acd4e38e3': `Ten link został już użyty albo wygasł. Ankietę można wypełnić tylko raz.`,
'sde887e2cd35f99c4': `Odpowiedzi są zapisane i zostaną wysłane, gdy będzie połączenie.`,
'seb759b2a01e44fe7': str`Zostało znaków: ${0}`,
'sfa5c94f2004666f4': `Ani się zgadzam, ani nie zgadzam`,
    };
  