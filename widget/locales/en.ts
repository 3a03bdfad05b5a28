
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's092e6307b5c1bb34': `Yes`,
's0a088de94fe54424': `Access code`,
's151f1cdc5000dc3a': `You have not yet answered all required questions:`,
's1777a92d8f57c2bb': `No connection. We are trying again.`,
's17bc2d8e321d5f81': `Your answers have been sent. We use them to make the help better.`,
's1f0149847a099a73': `Previous`,
's2549cbd241ea9c7c': `Please write something here.`,
's2c9b35dcb414b3a0': `Connecting…`,
's32d4defd0bc9bf50': `Please answer this question first:`,
's33bc3b0cf10a0947': `Peil dashboard`,
's37420319c32adb5b': `No`,
's3af002ed64edb6f0': `Client satisfaction`,
's3f8837cc60f8010d': `I don't know / does not apply`,
's40c74194a7d1aea2': str`Step ${0} of ${1}`,
's4f56a9429df49acb': `Agree`,
's53905fa7c0f69357': `This code is not correct. Please try again.`,
's5c332858316a3255': `You can choose more than one answer.`,
's61e363008cac6f8d': `Something went wrong with your answers. Check your answers and try again.`,
's63116bed0a7613b6': `Choose one or more answers.`,
's6446e88525bdd899': `too few responses`,
's6705ed7949230560': `The questionnaire could not be loaded. Check your internet connection and try again.`,
's6fc106073de4c9a5': `Send`,
's72e391c69bc22e34': `0 is certainly not, 10 is certainly yes.`,
's7b8e22f6cff5aa57': str`Updated at ${0}`,
's7beee8441ee63c6d': `You can simply close this page.`,
's7e62be687b792c3e': `Log in`,
's84e62a7d7975afce': `Disagree`,
's850c6960155cb054': `Strongly agree`,
's98d5cce6d3b8805f': `Try again`,
's9a9803f5007af246': `Thank you for your answers!`,
's9d0fa426a13de669': str`and another ${0} maybe`,
's9f838ffe65d31dc3': `Next`,
'sa0b2cf99b2f858d1': `Choose an answer.`,
'sa2ba040933bde9e6': `Maybe`,
'sa4ccf8e68c51dd01': `1 is very bad, 10 is very good.`,
'saa0b9db2199b3fc6': `The dashboard could not be loaded. Please try again later.`,
'sab0badc81ac3ee1f': `This questionnaire is not set up correctly on this website. Could you let the organisation know?`,
'saf2d62c1557c94fd': `Loading the questionnaire…`,
'sb0ba76f6208249d2': `Something went wrong. Please try again later.`,
'sbee3b539e2fbffc3': `This questionnaire no longer exists.`,
'sc28bf0a47fb0fdb8': `Sending…`,
'sc3f9c4a28e56a156': `This questionnaire is closed. You can no longer give answers.`,
'sc7843b0eac4a9da5': `Would recommend us`,
'scd769ba22cc8ea7d': `Strongly disagree`,
'sd171ce9180548621': `Average mark`,
'sd22e0a74be6d370a': `Live: figures update by themselves`,
'sd5a335e07c55d085': str`Question ${0} of ${1}`,
'sd76318043db4b523': `(required)`,
'sdc472b7acd4e38e3': `This link has already been used or has expired. You can fill in the questionnaire only once.`,
'sde887e2cd35f99c4': `Your answers have been saved and will be sent as soon as there is a connection.`,
'se58151feb5d24c9a': `Number of responses`,
'seb759b2a01e44fe7': str`${0} characters left`,
'sfa09070aecd2387a': `Loading figures…`,
'sfa5c94f2004666f4': `Neither agree nor disagree`,
    };
  