namespace Majordomo.Tests.Classification;

/// <summary>
/// Numbers in their own scripts, read by category (probe 39; docs/CLASSIFIER.md "Probe 39 read by category"): each category's
/// secrets beside look-alikes in the same script — a year of a native calendar, a helpline, a postal or school code, an example.
/// </summary>
public class SensitiveProbe39ScriptsTests
{
    // Spoken Arabic's secret nouns: the secret number, a password's construct with no article, Egyptian and Gulf "الباسورد".
    [Theory]
    [InlineData("الرقم السري للصراف عندي ٦٠٤٨ وأخاف أنساه")]
    [InlineData("رقمي السري 5127 من يوم فتحت الحساب")]
    [InlineData("كلمة سر الراوتر: قمر٧٧٣١")]
    [InlineData("الباسورد بتاع الواي فاي hoda_2019 يا بني")]
    public void SpokenArabicSecretNouns_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("كيف أغير الرقم السري للبطاقة من التطبيق؟")]
    [InlineData("نسيت الباسورد ومش عارف أرجعه")]
    [InlineData("كلمة سر قوية كم حرف لازم تكون؟ ١٢ حرف تكفي؟")]
    public void SpokenArabicNounsWithNoValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // Tibetan, Odia, Lao and Amharic nouns; a Tamil PIN after its ATM or UPI ("பின்" alone is also "after").
    [Theory]
    [InlineData("ངའི་གསང་གྲངས་ ༣༩༠༢ ཡིན།")]
    [InlineData("ମୋ ପିନ ୬୦୩୨, କାହାକୁ କହିବି ନାହିଁ")]
    [InlineData("ລະຫັດແອັບທະນາຄານແມ່ນ ໔໔໐໒໙໗")]
    [InlineData("የካርዴ ሚስጥር ቁጥሩ 2290 ነው")]
    [InlineData("என் UPI பின் ௪௦௭௧")]
    public void SecretNounsOfMoreScripts_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("ລະຫັດໄປສະນີ ໐໑໑໖໐ ຢູ່ໃສ?")]
    [InlineData("ଆମ ଗାଁର ପିନ କୋଡ ୭୫୪୨୧୧, ଗ୍ରାମ ବାଲିଆପାଳ")]
    [InlineData("பின் ௨௦௨௬ இல் வீடு மாறினோம்")]
    [InlineData("ངའི་གསང་གྲངས་ག་ཚོད་རིང་དགོས།")]
    public void ScriptCodesNamedPublic_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // Ids by their nouns and abbreviations: Nepal's citizenship, Sri Lanka's NIC, India's pupil registry, Odia Aadhaar, a Tibetan card.
    [Theory]
    [InlineData("ना.प्र.नं. ११-०३-७८-०२२५६ मेरो हो")]
    [InlineData("NIC 853421987V, Colombo 05")]
    [InlineData("अपार आईडी: ४७१२ ८८०३ ५५२९, विद्यार्थी: ओंकार")]
    [InlineData("ଆଧାର ୪୮୨୧ ୫୫୩୦ ୯୧୭୯")]
    [InlineData("ལག་ཁྱེར་ཨང་གྲངས་ ༥༣༡༨༠༢༤༦")]
    public void IdsByTheirNouns_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("UDISE कोड २७२५१२०१३०४, केंद्र खेड")]
    [InlineData("the NIC on db-03 drops packets since the 2024 update")]
    [InlineData("पिन कोड ११०००३ दिल्ली के किस इलाके का है?")]
    public void PublicNumbersBesideIdNouns_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // Full-width letters and signs are read as ASCII: a token or a Wi-Fi key typed in full-width mode.
    [Theory]
    [InlineData("curl -H \"Authorization: Bearer ｇｈｐ＿Ｍ４ｋＺ８ｑＲ２ｗＰ７ｎＹ５ｔＶ１ｘＣ９ｂＨ３ｓＬ６ｄＦ０ｊ\" https://api.github.com")]
    [InlineData("와이파이 비번 Ｓｅｏｕｌ＆Ｍａｐｏ２０２６＃ 이에요")]
    public void FullWidthSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("全角の「ＡＢＣ１２３」を半角に変換する関数")]
    [InlineData("注文番号：ＡＢ－２０２６１２０７－００４５ はいつ届きますか")]
    public void FullWidthPublicText_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // A year of a native calendar, a helpline named after its number, a code's destination phone, a masked tail, an example.
    [Theory]
    [InlineData("رمز پویا برای همه تراکنش‌ها تا پایان آذر ۱۴۰۴ الزامی است")]
    [InlineData("ওটিপি কাউকে দেবেন না। বিস্তারিত জানতে ১৬২৩৪ নম্বরে যোগাযোগ করুন।")]
    [InlineData("کد تایید خود را به شماره ۰۹۳۵۴۴۰۱۲۸۷ ارسال کنید")]
    [InlineData("لا تشارك رمز التحقق مع أحد. البطاقة •••• ٤٤١٩")]
    [InlineData("أدخل الرمز السري المكون من ٤ أرقام، مثال: ١٢٣٤")]
    [InlineData("हमारी कहानी में UPI PIN, १९३० हेल्पलाइन और OTP")]
    [InlineData("شناختی کارڈ نمبر: ۰۰۰۰۰-۰۰۰۰۰۰۰-۰")]
    public void PublicNumbersInScripts_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("رمز پویا برای خرید امروز ۴۸۱۹۲۷ است، به کسی نگو")]
    [InlineData("ওটিপি ৫৫২৯১৮, কাউকে দেবেন না")]
    [InlineData("کد تایید من ۷۳۰۱۹۲ هست")]
    [InlineData("الرمز السري ٨٨٠٣")]
    public void CodesBesideTheirLookAlikes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
