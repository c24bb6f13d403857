namespace Majordomo.Tests.Classification;

/// <summary>
/// Keys of everyday places and things, read from the misses and false alarms of the blind probe
/// <c>corpus/dev/sensitive-lookalikes-22.jsonl</c> by category (<c>SecretPhrases.Travel</c>, <c>SecretPhrases.Homes</c>,
/// <c>SensitiveScanner.HomeLocks</c>, docs/CLASSIFIER.md "Probe 22 read by category"): each category a pair — values phrased unlike
/// the probe, in several languages, and what only looks like them. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveHomeKeysTests
{
    [Theory]
    [InlineData("رقم جوازي N55102984 ولا يقبله موقع الفندق")]
    [InlineData("宿泊者名簿（氏名,旅券番号）\nKowalski Jan,EK7730195")]
    [InlineData("Die Passnummer ist C7R2X9K41, stimmt das Format?")]
    public void PassportsByMoreNames_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Il sito vuole il numero del passaporto e dice che non corrisponde alla prenotazione KT7W2P, volo AZ1467.")]
    [InlineData("Lufthansa fragt nach dem Reisepass, der Buchungscode ist RZ8Q4M.")]
    [InlineData("Ο κωδικός κράτησης είναι 7XQPLM, πτήση OA 602.")]
    public void BookingReferencesBesideAPassportWord_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("de ophaalcode 518 302 doet het niet bij de automaat")]
    [InlineData("Mã mở tủ đồ là 662 019 nha")]
    [InlineData("Abholcode für die Packstation: 730 418")]
    public void ParcelLockerCodes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the locker ID printed on the door is KRK22B, is it the right one?")]
    [InlineData("Die Sendungsnummer ist 00340434161234567890, liegt in der Filiale.")]
    public void LockerIdsAndTrackingNumbers_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("{\"entity\":\"lock.front\",\"guest_codes\":[{\"name\":\"Nan\",\"code\":\"640219\"}]}")]
    [InlineData("{\"service\":\"set_usercode\",\"data\":\"{\\\"code_slot\\\":2,\\\"usercode\\\":\\\"318846\\\"}\"}")]
    public void LockCodesInJson_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("{\"error\":{\"code\":\"100423\",\"message\":\"rate limited\"}}")]
    [InlineData("{\"lock\":\"lock.front\",\"state\":\"locked\",\"code_slots_used\":2}")]
    public void CodesOfErrorsAndSlots_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Heslo od wifi v bytě je Lipova-ulice3, nefunguje mi")]
    [InlineData("Parola pentru wifi este Castan-Verde5, nu merge")]
    public void WifiPasswordsAfterAnIs_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Sur l'étiquette : mot de passe par défaut : aucun, il faut le créer.")]
    [InlineData("Nel manuale l'utente è admin e la password è \"admin\" di fabbrica.")]
    [InlineData("Laut Handbuch: Benutzer und Passwort sind beide \"admin\".")]
    [InlineData("Wi-Fiのパスワードはルーターの裏に書いてあります。")]
    public void DefaultsAndWhereWritten_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("my BTC address for the refund: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT")]
    [InlineData("адрес кошелька USDT TRC20: TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7")]
    public void PublicWalletAddresses_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
