using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Native digits and the secrets written with them (the twenty-first session; docs/CLASSIFIER.md "Native digits and the leftovers of
/// probes 35 and 38"): a script's digits past the BMP folded like the others, and the nouns and owners that a native-digit secret
/// stands beside — a Persian policy's noun, Arabic's "secret number", Oriya's PIN, a weak code typed as one's own. Each secret beside
/// its look-alike twin (and a bank's example IBAN named as one); every text is checked through the prefilter too.
/// </summary>
public class SensitiveNativeDigitsTests
{
    [Theory]
    [InlineData("my new bank pin is 𝟒𝟖𝟐𝟕 lol, remember it for me")]
    [InlineData("mi código de verificación es 𝟓𝟖𝟏 𝟗𝟎𝟒, ¿es una estafa?")]
    [InlineData("my door code 𝟽𝟽𝟷𝟿 (monospace from the app)")]
    public void ASecretInDigitsPastTheBmp_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("write a caption for our bakery: ✨ 𝟐𝟎𝟏𝟒 – 𝟐𝟎𝟐𝟒 ✨ 𝟏𝟎 years of sourdough")]
    [InlineData("𝐇𝐞𝐥𝐥𝐨 𝐰𝐨𝐫𝐥𝐝, my pin is something I keep to myself")]
    public void APublicNumberOrFancyLettersPastTheBmp_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void NativeDigits_FoldsADigitPastTheBmpIntoOneAsciiDigit()
    {
        string? seen = null;
        SensitiveScanner.NativeDigits("pin 𝟒𝟖𝟐𝟕 and ၁၂", text =>
        {
            seen = text.ToString();
            return SensitiveKind.None;
        });

        Assert.Equal("pin 4827 and 12", seen);
    }

    [Theory]
    [InlineData("ကျွန်မ ATM ကတ်ရဲ့ PIN က ၁၁၁၁၁၁ ပါ။ ပြောင်းသင့်လား")]
    [InlineData("my phone PIN is 111111, remember it")]
    [InlineData("mi PIN del móvil es 123456, apúntalo")]
    [InlineData("मेरा पिन १११११११ है, बदलना चाहिए क्या?")]
    public void AWeakCodeTypedAsOnesOwn_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("ဘဏ်က PIN ကို ၁၁၁၁၁၁ တို့ ၁၂၃၄၅၆ တို့လို မပေးရဘူးလို့ ပြောတယ်")]
    [InlineData("the PIN 111111 is rejected by the app, what else is weak?")]
    [InlineData("my PIN in the test environment is 123456 for every user")]
    public void AWeakCodeNamedAsAnExampleOrOwnedByNoOne_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("شماره بیمه‌نامه بدنه ماشینم ۱۴۰۲/۸۸۱۲۰۴ است؛ نامه بنویس.")]
    [InlineData("رقم البوليصة ٤٤٠٢١٨٣٩٧ — اكتب رسالة لشركة التأمين")]
    [InlineData("मेरी पॉलिसी नंबर ८८१२०४५५ है, क्लेम का पत्र लिखो")]
    public void APolicysNumberInNativeDigits_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("بیمه‌نامه شخص ثالث سال ۱۴۰۲ را تا چند روز بعد از سررسید می‌شود تمدید کرد؟")]
    [InlineData("پالیسی نمبر کہاں لکھا ہوتا ہے؟ ۱۲ صفحات کی دستاویز ہے")]
    public void APolicysNounWithAYearOrACount_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("الرقم السري لبطاقة الصراف حقي ٤٨٢٧، هل هو سهل؟")]
    [InlineData("ମୋ ATM ପିନ୍ ୫୧୮୨, ଏହାକୁ ସେଭ୍ କରିଦିଅ")]
    public void APinByItsNativeNoun_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("البنك يطلب رقماً سرياً من ٤ أرقام، هل هذا كافٍ؟")]
    [InlineData("ମୋ ପିନ୍ କୋଡ୍ ୭୫୧୦୦୧, ଏହା କେଉଁ ଅଞ୍ଚଳ?")]
    public void APinsLengthOrAPostalPinCode_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("In der Hilfe meiner Bank steht als Beispiel-IBAN DE02 1203 0000 0000 2020 51 – woraus bestehen die Teile?")]
    [InlineData("Sur le site de ma banque, l'exemple d'IBAN donné est FR76 3000 6000 0112 3456 7890 189 : à quoi correspond chaque bloc ?")]
    public void APublishedExampleIbanNamedAsAnExample_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Die Kaution bitte ab jetzt auf mein neues Konto: DE02 1203 0000 0000 2020 51, Kontoinhaberin Lena Vogt.")]
    [InlineData("Mon IBAN pour le remboursement : FR76 3000 6000 0112 3456 7890 189.")]
    public void APublishedExampleIbanPastedAsOnesOwn_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
