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
}
