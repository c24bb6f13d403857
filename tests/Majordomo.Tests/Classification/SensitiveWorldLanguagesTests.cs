namespace Majordomo.Tests.Classification;

/// <summary>
/// Identity numbers and accounts in the languages a router sees least and their public look-alikes, one category a theory (probe 24
/// read by category, docs/CLASSIFIER.md): each secret beside a look-alike of the same words.
/// </summary>
public class SensitiveWorldLanguagesTests
{
    [Theory]
    [InlineData("tolong kemas kini, no. kp saya 770412-05-5021 dan akaun CIMB 8004 1172 93")]
    [InlineData("SSS ko 33-1928374-5, pakiayos naman ang record")]
    [InlineData("mã số thuế cá nhân của em 8120394756 nha chị")]
    [InlineData("شماره ملی برادرم 0067429138 است")]
    [InlineData("میرا شناختی کارڈ 37405-1928374-9 ہے")]
    [InlineData("আমার এনআইডি 6482019375, একটু দেখবেন?")]
    [InlineData("என் ஆதார் 4410 2938 5561 சரியா?")]
    [InlineData("namba ya kitambulisho ni 29384756, asante")]
    [InlineData("ЖСН 900215300417 дұрыс па?")]
    [InlineData("my Ghana Card is GHA-812937465-2")]
    [InlineData("mein T.C. 41029384756, bitte eintragen")]
    public void IdNounsOfMoreLanguages_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Tìm giúp: từ 2026 mã số thuế cá nhân có thay bằng số định danh không? Có nguồn thì tốt.")]
    [InlineData("ما هي شروط تجديد البطاقة الوطنية سنة 2027؟")]
    [InlineData("kitambulisho cha zamani bado kinatumika mwaka 2026?")]
    [InlineData("tổng đài BHXH là 1900 9068 phải không?")]
    [InlineData("SSS Cubao hotline 8709-7198, bukas ba sila ng Sabado?")]
    public void IdNounsBesideYearsAndHotlines_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("padala mo na lang sa GCash ko 0927 551 0394 ha")]
    [InlineData("tuma kwa M-Pesa yangu 0733 918 204 tafadhali")]
    [InlineData("আমার বিকাশ 01711-902384 এ পাঠাও")]
    public void MobileMoneyNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("lipa kwa M-Pesa Paybill 247247, account ni jina lako")]
    [InlineData("M-Pesa Buy Goods till number 552014 ya duka")]
    [InlineData("GCash customer care 0917 555 0000 is down again")]
    [InlineData("fixtures: mpesa '0700000005' for the fake rows")]
    public void MobileMoneyBusinessNumbers_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("کد ملی من ۰۰۷۳۸۲۹۱۴۶ هست")]
    [InlineData("আমার জাতীয় পরিচয়পত্র ৫৫৮২৯১৩৭৬০")]
    [InlineData("رقمي القومي ٢٩٨٠٥١٢٠١٠٣٤٥٦")]
    public void ValuesInNativeDigits_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void AmountInNativeDigits_IsNot() => SensitiveCategoryTests.NotSensitive("واریز ۵۰۰٬۰۰۰ ریال در ۱۴۰۵/۰۹/۲۰");

    [Theory]
    [InlineData("Mr. Baig, 35201-8273645-1, moved to Multan")]
    [InlineData("Anak saya 160314-14-0223, tolong daftar")]
    [InlineData("căn cước của anh ấy ghi 079090001234 đúng không")]
    [InlineData("la cédula quedó así, el número es 1.032.458.771")]
    public void IdsByTheirPrintShape_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("server at 192.168.100.200 after the cédula check")]
    [InlineData("invoice 45-2291, total 35201.50, due 2026-11-08")]
    public void NumbersPrintedLikeThoseIds_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Kedai Makan Seri Ayu Enterprise, SSM 202104118853, tel 03-5512 8890")]
    [InlineData("Παντοπωλείο Δήμου Ο.Ε., ΑΦΜ 099817263, ΔΟΥ Λάρισας")]
    [InlineData("Emisor: Ferretería Austral SpA, RUT 79.118.204-5, boleta 3321")]
    [InlineData("Công ty TNHH Minh Long, MST: 0309182734")]
    [InlineData("Faktura från Ekbergs Bygg AB, bankgiro 5512-8843, OCR 88812739400")]
    public void BusinessNumbersOnInvoices_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Mój NIP to 5261049327, proszę wpisać do PIT")]
    [InlineData("mi RUT es 15.928.374-6 para la boleta")]
    public void PersonalTaxNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("CNP-ul se validează cu ponderile 2,7,9,1,4,6,3,5,8,2,7,9")]
    [InlineData("cyfra kontrolna PESEL: wagi 1,3,7,9,1,3,7,9,1,3")]
    [InlineData("hetu tarkistusmerkki merkkijono 0123456789ABCDEFHJKLMNPRSTUVWXY")]
    [InlineData("CNP constanta 279146358279 din documentație")]
    [InlineData("if a South African ID number starts with 900214, when was the holder born?")]
    [InlineData("isikukood 3 ja 4 tähendavad 1900ndad?")]
    public void ValidatorsAndIdPrefixes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
