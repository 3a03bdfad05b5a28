
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's03bf37fb08f24ceb': `Dil`,
's092e6307b5c1bb34': `Evet`,
's17bc2d8e321d5f81': `Cevaplarınız gönderildi. Onları yardımı daha iyi yapmak için kullanıyoruz.`,
's1b3e7c33d77ef389': `Birden fazla cevap seçebilirsiniz.`,
's1f0149847a099a73': `Geri`,
's2549cbd241ea9c7c': `Buraya bir şey yazın.`,
's32d4defd0bc9bf50': `Önce bu soruyu cevaplayın:`,
's37420319c32adb5b': `Hayır`,
's3c0e240cbc38e8de': `Önce bu soruları cevaplayın:`,
's3f8837cc60f8010d': `Bilmiyorum / geçerli değil`,
's40c74194a7d1aea2': str`Adım ${0} / ${1}`,
's4f56a9429df49acb': `Katılıyorum`,
's61d3d3b6bfe08b14': `Sesli oku`,
's61e363008cac6f8d': `Cevaplarınızda bir sorun oluştu. Cevaplarınızı kontrol edip tekrar deneyin.`,
's63116bed0a7613b6': `Bir veya daha fazla cevap seçin.`,
's6705ed7949230560': `Anket yüklenemedi. İnternet bağlantınızı kontrol edip tekrar deneyin.`,
's6e323186fd9c6e6e': `Bu anketi yalnızca size verilen kişisel bağlantı ile doldurabilirsiniz.`,
's6fc106073de4c9a5': `Gönder`,
's72e391c69bc22e34': `0 kesinlikle hayır, 10 kesinlikle evet demektir.`,
's7beee8441ee63c6d': `Bu sayfayı kapatabilirsiniz.`,
's84e62a7d7975afce': `Katılmıyorum`,
's850c6960155cb054': `Kesinlikle katılıyorum`,
's98d5cce6d3b8805f': `Tekrar dene`,
's996244a1ea19f1c9': `1 soru henüz cevaplanmadı.`,
's9a9803f5007af246': `Cevaplarınız için teşekkürler!`,
's9f838ffe65d31dc3': `İleri`,
'sa0b2cf99b2f858d1': `Bir cevap seçin.`,
'sa2ba040933bde9e6': `Belki`,
'sa350aa6d5a17245d': str`adım ${0}`,
'sa4ccf8e68c51dd01': `1 çok kötü, 10 çok iyi demektir.`,
'saab4d28b50ae649f': str`${0} soru henüz cevaplanmadı.`,
'sab0badc81ac3ee1f': `Bu anket bu web sitesinde doğru ayarlanmamış. Lütfen bunu kuruluşa bildirir misiniz?`,
'saf2d62c1557c94fd': `Anket yükleniyor…`,
'sb0ba76f6208249d2': `Bir sorun oluştu. Lütfen daha sonra tekrar deneyin.`,
'sbb9e38858e63b2f6': `Zorunlu soruların hepsini henüz cevaplamadınız. Şu sorular:`,
'sbee3b539e2fbffc3': `Bu anket artık yok.`,
'sc28bf0a47fb0fdb8': `Gönderiliyor…`,
'sc3f9c4a28e56a156': `Bu anket kapandı. Artık cevap veremezsiniz.`,
'scd769ba22cc8ea7d': `Hiç katılmıyorum`,
'sd5a335e07c55d085': str`Soru ${0} / ${1}`,
'sd76318043db4b523': `(zorunlu)`,
'sdc472b7acd4e38e3': `Bu bağlantı zaten kullanılmış veya süresi dolmuş. Anketi yalnızca bir kez doldurabilirsiniz.`,
'sde887e2cd35f99c4': `Cevaplarınız kaydedildi ve bağlantı olunca gönderilecek.`,
'seb759b2a01e44fe7': str`${0} karakter kaldı`,
'sfa5c94f2004666f4': `Ne katılıyorum ne katılmıyorum`,
    };
  