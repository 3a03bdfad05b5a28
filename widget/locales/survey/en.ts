
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's03bf37fb08f24ceb': `Language`,
's092e6307b5c1bb34': `Yes`,
's17bc2d8e321d5f81': `Your answers have been sent. We use them to make the help better.`,
's1b3e7c33d77ef389': `You may choose more than one answer.`,
's1f0149847a099a73': `Previous`,
's2549cbd241ea9c7c': `Please write something here.`,
's32d4defd0bc9bf50': `Please answer this question first:`,
's37420319c32adb5b': `No`,
's3c0e240cbc38e8de': `Please answer these questions first:`,
's3f8837cc60f8010d': `I don't know / does not apply`,
's40c74194a7d1aea2': str`Step ${0} of ${1}`,
's4f56a9429df49acb': `Agree`,
's61d3d3b6bfe08b14': `Read aloud`,
's61e363008cac6f8d': `Something went wrong with your answers. Check your answers and try again.`,
's63116bed0a7613b6': `Choose one or more answers.`,
's6705ed7949230560': `The questionnaire could not be loaded. Check your internet connection and try again.`,
's6e323186fd9c6e6e': `You can only fill in this questionnaire through the personal link you were given.`,
's6fc106073de4c9a5': `Send`,
's72e391c69bc22e34': `0 is certainly not, 10 is certainly yes.`,
's7beee8441ee63c6d': `You can simply close this page.`,
's84e62a7d7975afce': `Disagree`,
's850c6960155cb054': `Strongly agree`,
's98d5cce6d3b8805f': `Try again`,
's996244a1ea19f1c9': `1 question has not been answered yet.`,
's9a9803f5007af246': `Thank you for your answers!`,
's9f838ffe65d31dc3': `Next`,
'sa0b2cf99b2f858d1': `Choose an answer.`,
'sa2ba040933bde9e6': `Maybe`,
'sa350aa6d5a17245d': str`step ${0}`,
'sa4ccf8e68c51dd01': `1 is very bad, 10 is very good.`,
'saab4d28b50ae649f': str`${0} questions have not been answered yet.`,
'sab0badc81ac3ee1f': `This questionnaire is not set up correctly on this website. Could you let the organisation know?`,
'saf2d62c1557c94fd': `Loading the questionnaire…`,
'sb0ba76f6208249d2': `Something went wrong. Please try again later.`,
'sbb9e38858e63b2f6': `You have not answered all required questions yet. These are:`,
'sbee3b539e2fbffc3': `This questionnaire no longer exists.`,
'sc28bf0a47fb0fdb8': `Sending…`,
'sc3f9c4a28e56a156': `This questionnaire is closed. You can no longer give answers.`,
'scd769ba22cc8ea7d': `Strongly disagree`,
'sd5a335e07c55d085': str`Question ${0} of ${1}`,
'sd76318043db4b523': `(required)`,
'sdc472b7acd4e38e3': `This link has already been used or has expired. You can fill in the questionnaire only once.`,
'sde887e2cd35f99c4': `Your answers have been saved and will be sent as soon as there is a connection.`,
'seb759b2a01e44fe7': str`${0} characters left`,
'sfa5c94f2004666f4': `Neither agree nor disagree`,
    };
  