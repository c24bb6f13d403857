using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 52's categories (docs/CLASSIFIER.md, "Probe 52 read by category"), each secret beside its look-alike twin: a vehicle's transfer
/// or a licence's check code, a professional driver's card, an EV charging contract's id, a UK licence by its shape and licences in more
/// languages (the number in the next sentence), a Turkish id after "TC" whose check fails, a fuel card with its expiry, an English
/// "policy" beside an insurance cue, a hashed PIN dump, a PIN before a masked card's tail; a placeholder after a user's colon, Polish
/// "dni" (days) in a photo's ask, a plate answering a code's question.
/// </summary>
public sealed class SensitiveProbe52Tests
{
    [Theory]
    [InlineData("Koper van de Polo wil vanavond al de tenaamstellingscode: 5521 0987 33, stuur ik die door?")]
    [InlineData("new keeper asked for the V5C reference, I texted him 4419 2207 815 this morning")]
    [InlineData("for the van hire: DVLA check code is Hq 7c R2 9x, valid three weeks")]
    [InlineData("Lost my driver card for the tachograph yesterday, number GB00000551820 003, who do I call?")]
    [InlineData("Ma carte conducteur F000002231904 01 expire le mois prochain, je la renouvelle où ?")]
    [InlineData("roaming log: AUTH_REJECT emaid=FR-TTE-C98127734-K evse=FR*TTE*E0012")]
    [InlineData("Third party: Wren Okafor, licence OKAFO804142W99AB, reg KX70 PLM")]
    [InlineData("Ajokorttini on vanhentunut. Sen numero on 55120843, voiko sen uusia netissä?")]
    [InlineData("Araç kiralama için TC 27718830492 yazdım ama sistem kabul etmedi.")]
    [InlineData("receipt: ESSO A1 UNLEADED 38.1L £55.20 KEYFUELS 7071 2288 0134 9920 41 EXP 02/28")]
    [InlineData("Storm damage to the trailer; insurer is Hiscox, policy HX/2231907/TR, what do I send them?")]
    [InlineData("rider,pin_sha256\nR-11,a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3\nR-12,ef797c8118f02dfb649607dd5d3f8c7623048c9c063d532cc95c5ed7a898a64f")]
    [InlineData("駐車場の精算機で暗証番号 6620 を入れても通りません。カードは末尾 1184 です。")]
    public void MobilitySecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Wat is een tenaamstellingscode precies en wie heeft hem nodig bij een overschrijving?")]
    [InlineData("How many digits is the V5C document reference, and is it on page 1?")]
    [InlineData("can you share code for a DVLA-style licence checker in Python? the check code format is unclear to me")]
    [InlineData("What happens if a tachograph driver card is lost abroad — how many days may I drive without it?")]
    [InlineData("Die Ladesäule DE*EBW*E4401882 zeigt Fehler 12, was heißt das?")]
    [InlineData("What do the 16 characters of a UK driving licence number encode?")]
    [InlineData("Ajokortin uusiminen netissä: tarvitaanko uusi kuva? Kuinka kauan se kestää?")]
    [InlineData("TC Karayolları 34 KLM 221 plakalı araç için HGS bakiyesi nasıl yüklenir?")]
    [InlineData("receipt: ESSO A1 UNLEADED 38.1L £55.20 KEYFUELS ****9920 41")]
    [InlineData("Our privacy policy v4 covers dashcam footage for insurance claims, is 30 days enough?")]
    [InlineData("log: 2026-01-02 ERROR [auth] password_hash mismatch for user_id=u_88 trace=9f1c2b7a44e0d8c3b1a2f9e8d7c6b5a4\n2026-01-02 WARN [db] slow trace=0a1b2c3d4e5f60718293a4b5c6d7e8f9")]
    [InlineData("```yaml\nmqtt:\n  basic_auth: \"tracker-09:CHANGE_ME\"\n```")]
    [InlineData("Meldcode, is dat de laatste vier van het chassisnummer? Mijn kenteken is 9-KXZ-27.")]
    public void MobilityTalkAndPublicNumbers_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotoAsks_TypingAPolicyOut_AreSensitive_DaysAreNoDni()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Фото полиса КАСКО, перепиши номер полиса для сервиса")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Foto del DNI de mi hermano, pásame a texto el número")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Фото полиса КАСКО: покрывает ли он угон?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Zdjęcie paragonu za myjnię z dnia 4 grudnia, czy dobrze policzyli?")));
    }
}
