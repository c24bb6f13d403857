namespace Majordomo.Tests.Classification;

/// <summary>
/// Secret words in less-resourced languages and scripts (probe 34 read by category, part one; docs/CLASSIFIER.md): each category's
/// secrets beside look-alikes of the same words with no value, a price, a date or a helpline.
/// </summary>
public class SensitiveProbe34SecretWordsTests
{
    // Every script's digits are read as digits: a PIN in Khmer, Lao, Burmese, Thai, Gujarati, Tamil or full-width digits.
    [Theory]
    [InlineData("PIN កាតរបស់ខ្ញុំ ៤០៨២ តើត្រូវប្តូរទេ?")]
    [InlineData("PIN ຂອງບັດຂ້ອຍ ໘໒໐໗ ຄວນປ່ຽນບໍ?")]
    [InlineData("ငါ့ Wave Money PIN ၆၁၉၃၀၂ ပါ")]
    [InlineData("PIN บัตรของแม่คือ ๕๓๑๙ ช่วยจำไว้ด้วย")]
    [InlineData("મારો ATM PIN ૭૩૦૫ છે, બદલવો જોઈએ?")]
    [InlineData("என் ATM PIN ௩௮௧௬ தான்")]
    [InlineData("my card PIN is ４９１７, is that weak?")]
    public void PinsInScriptDigits_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("តម្លៃកាហ្វេ ៥០០០ រៀល នៅថ្ងៃទី ១២ ខែធ្នូ")]
    [InlineData("ລາຄາເຂົ້າ ໑໕໐໐໐ ກີບ ຕໍ່ກິໂລ")]
    [InlineData("မြန်မာ ၂၀၂၆ ခုနှစ် ဒီဇင်ဘာ ၇ ရက်")]
    [InlineData("ATM ફી ₹ ૨૧ પ્રતિ વ્યવહાર")]
    public void PricesAndDatesInScriptDigits_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // Each language's secret nouns, with their endings, forms and mutations (SecretPhrases.WorldLanguages).
    [Theory]
    [InlineData("ჩემი ფოსტის პაროლია Batumi2017 — შევცვალო?")]
    [InlineData("Nire bankuaren pasahitza Donostia55! da")]
    [InlineData("Fy nghyfrinair i ydy Abertawe2020, ydy o'n iawn?")]
    [InlineData("Is é Corcaigh2021 mo phasfhocal, an bhfuil sé ceart go leor?")]
    [InlineData("የባንክ ኮድዎ 581 204 ነው")]
    [InlineData("Ikhodi yakho ngu-620 418, ungayabelani nomuntu")]
    [InlineData("ನಮ್ಮ ಗೇಟ್ ಕೋಡ್ 7205, ಕೆಲಸದವರಿಗೆ ಕೊಡಲೇ?")]
    [InlineData("میرا جاز کیش کا پن 4418 ہے")]
    [InlineData("ពាក្យសម្ងាត់ Wi-Fi គឺ Angkor2024")]
    [InlineData("Koodhkaaga waa 318 506. Ha u sheegin cidna.")]
    public void SecretNounsOfMoreLanguages_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("რამდენი სიმბოლო უნდა ჰქონდეს პაროლს?")]
    [InlineData("Sut ydw i'n newid fy nghyfrinair ar y wefan?")]
    [InlineData("پنجاب پولیس کی ہیلپ لائن 15 ہے، اور پنشن آفس کا نمبر 042 99201234")]
    [InlineData("ಪಿನ್ ಕೋಡ್ 560041 ಯಾವ ಊರು?")]
    [InlineData("শাখা কোড 04417, সময় 10:00")]
    [InlineData("ترجم: الرمز البريدي هو 20330")]
    [InlineData("Quin és el codi postal 08012?")]
    public void SecretNounsWithNoValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // A code given in the next sentence, a value before its noun by the copula, a grouped code before a masked card.
    [Theory]
    [InlineData("Ana sing njaluk kode OTP. Tak wenehi 482190 amarga wedi.")]
    [InlineData("Is é 7194 mo PIN.")]
    [InlineData("6802 yw fy PIN i.")]
    [InlineData("Birdəfəlik şifrəniz 712 905. Heç kimə deməyin. Kart **** 2231 ilə ödəniş.")]
    public void ValuesAroundTheirNoun_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Ana sing njaluk kode OTP. Aku ora menehi apa-apa.")]
    [InlineData("Is é an PIN an chéad rud a iarrann siad.")]
    [InlineData("बैंक कभी ओटीपी नहीं माँगता। किसी के साथ साझा न करें। शिकायत: 1800 1234")]
    public void NounsWithoutTheirValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // A .env field described in prose after its '=' is no value; a real one is.
    [Fact]
    public void ProseAfterPasswordField_IsNot() => SensitiveCategoryTests.NotSensitive("میری .env میں DB_PASSWORD= خالی ہے، کیا کروں؟");

    [Fact]
    public void ValueAfterPasswordField_IsSensitive() => SensitiveCategoryTests.Sensitive("میری .env میں DB_PASSWORD=Quetta_88! ہے");
}
