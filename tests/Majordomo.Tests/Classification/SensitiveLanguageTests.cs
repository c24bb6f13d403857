namespace Majordomo.Tests.Classification;

/// <summary>
/// Ids by acronym and by their country's checked shape, and secret and id nouns in the languages the first lists left thin
/// (<c>SensitiveScanner.IdAcronyms</c>, <c>SecretPhrases.Languages</c>), read from the misses and false alarms of the blind
/// probe <c>corpus/dev/sensitive-lookalikes-15.jsonl</c> by category: each phenomenon a pair — values phrased unlike the
/// probe, in several languages, and what only looks like them. Every verdict is checked through the prefilter too.
/// </summary>
public class SensitiveLanguageTests
{
    [Theory]
    [InlineData("the bank form has a box for SIN: 981-580-699, mine or my wife's first?")]
    [InlineData("accountant needs the TFN 038 699 678 before Friday, can you remind me")]
    [InlineData("στείλε στον εργοδότη τον ΑΦΜ 191796486 και το IBAN")]
    [InlineData("η ΑΜΚΑ του παιδιού είναι 03111900456, τη γράφω στο έντυπο;")]
    [InlineData("la adeverință scrie CNP 2860229124512, e corect așa?")]
    [InlineData("meu registro CNH 78231409655 venceu semana passada")]
    [InlineData("a TAJ-om 112 334 598, ezt kell beírni a patikában?")]
    [InlineData("NPWP kantor 02.118.447.3-011.000 sudah aktif belum?")]
    [InlineData("el DNI de mi viejo es 14.208.733, ¿se puede tramitar sin él?")]
    public void ValuesAfterAnIdAcronym_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("quedé sin 2500000 de ahorro después de la obra")]
    [InlineData("GITHUB_RUN_ID=12873309412 and RUNNER_OS=Linux")]
    [InlineData("the DNI office gave us queue ticket number 0077312 and a two-hour wait")]
    [InlineData("what does TFN stand for and is it nine digits?")]
    [InlineData("vergadering-ID 845 2210 9934, online via Teams")]
    public void AcronymsWithoutAnIdValue_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("สำเนาบัตรที่แนบมามีเลข 5-5333-14789-32-3 ต้องเซ็นรับรองไหม")]
    [InlineData("ชื่อ วิภา แสงทอง 1407238625517 กรอกให้ทีครับ")]
    [InlineData("البيانات: الاسم كريم فؤاد، 30207180100947، القاهرة")]
    [InlineData("Canadian social insurance number on the lease: 981 580 699")]
    [InlineData("ITR portal rejects PAN CQWPK6620M, says name mismatch")]
    public void CheckedShapesWithTheirCue_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("parcel 1-2345-67890-12-0 is stuck at the depot")]
    [InlineData("numero verde 800 427 365, chiamata gratuita")]
    [InlineData("batch 30207180100947 finished in 12 s")]
    [InlineData("SKU KLMPA2290Z restock please")]
    public void ShapesWithoutACueOrFailingTheirCheck_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("הבנק שלח קוד אימות 903 118, להזין באתר?")]
    [InlineData("קוד הכניסה לחניה 4471, אל תשכח")]
    [InlineData("وصلتني رسالة فيها رمز التحقق 660 912 من البنك")]
    [InlineData("přišel mi kód 7734 01 od banky a nevím proč")]
    [InlineData("a kapukód 3390, a lift a hátsó lépcsőnél van")]
    [InlineData("Răspunsul la întrebarea de securitate e „Mioara”, numele pisicii")]
    [InlineData("η ερώτηση ασφαλείας: «Κανέλα», το πρώτο μας σκυλί")]
    [InlineData("מספר הדרכון שלה 30482291, תכתוב את זה בטופס")]
    [InlineData("الرقم القومي بتاعي 29501011234567 مكتوب غلط في الشهادة")]
    [InlineData("henkilötunnukseni on 311299-998K, miksi se hylätään?")]
    [InlineData("номер ID-картки 004412987, де його знайти на картці?")]
    public void NounsInThinLanguages_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("המיקוד 6522401 הוא של רמת גן?")]
    [InlineData("kode pos 12190 itu Jakarta Selatan?")]
    [InlineData("chybový kód 0x80070005 při instalaci")]
    [InlineData("ما هو رمز التحقق ولماذا يطلبه البنك؟")]
    [InlineData("mennyi a kapukód hossza általában?")]
    public void PublicCodesAndTalkInThinLanguages_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("wpłaty na 28 1020 5558 0000 8102 3349 1122 do końca miesiąca")]
    [InlineData("[BC카드] 9411-2033-8876-1094 유효기간 11/28 발급 완료")]
    public void PrintShapesWhoseCheckFails_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("ticket ids look like 9411-2033-8876-1094, write a regex")]
    [InlineData("kolejka nr 28 1020 zamknięta")]
    public void PrintShapesWithoutTheirCue_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Thunderbird still fails, app password is hjkw qzrt mnpa vxle and imap is on")]
    [InlineData("App-Passwort: tzqw-lkmr-pbfs-xnea, wohin damit im iPhone?")]
    [InlineData("το PIN μου είναι τρία-οκτώ-ένα-έξι, μην το πεις")]
    [InlineData("a riasztó kódja kilenc, kettő, öt, hat")]
    [InlineData("pin atm dua, sembilan, empat, tujuh")]
    [InlineData("las de mi billetera: orbit, velvet, ranch, mimic, salute, harbor, pencil, absorb, dragon, quarter, timber, sword")]
    [InlineData("camper wifi pass is 'sunset9road!', can you make a sign for it")]
    public void AppPasswordsSpelledDigitsSeedWordsAndQuotedPasses_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("the form's placeholder says abcd efgh ijkl mnop, should it allow spaces?")]
    [InlineData("opetetaan laskemaan: yksi, kaksi, kolme, neljä, viisi")]
    [InlineData("¿cuál es más segura, la frase de recuperación de 12 o la de 24?")]
    [InlineData("boarding pass for gate 12, seat 14C")]
    [InlineData("sign by the pool: 'wifi password: ask the lifeguard'")]
    [InlineData("la caja dice contraseña: ver etiqueta de abajo")]
    [InlineData("my gamertag is Dusk_Lynx_42, add me")]
    [InlineData("mein Spielername auf der Konsole ist NebelFuchs_21")]
    [InlineData("which area is pincode 400053 in mumbai?")]
    public void HandlesPointersPostalPinsAndTalk_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("xbox: Dusk_Lynx_42 / Harbor!Velvet2291 for my nephew's login")]
    [InlineData("my atm pin code is 400053, too easy?")]
    public void HandlesBesideAPasswordAndCardPins_AreSensitive(string text) => Sensitive(text);

    private static void Sensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    private static void NotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
