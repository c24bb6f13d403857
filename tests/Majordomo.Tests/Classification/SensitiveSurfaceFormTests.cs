namespace Majordomo.Tests.Classification;

/// <summary>
/// The surface forms secrets travel in, read from the misses and false alarms of the blind probe
/// <c>corpus/dev/sensitive-lookalikes-23.jsonl</c> by category (<c>SecretPhrases.SpokenNumbers</c>, <c>SecretPhrases.Transcripts</c>,
/// <c>SensitiveScanner.Transcripts</c>, docs/CLASSIFIER.md "Probe 23 read by category"): each category a pair — values phrased unlike
/// the probe, in several languages, and what only looks like them. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveSurfaceFormTests
{
    [Theory]
    [InlineData("transcript: the bike lock code is nine oh two six, remember")]
    [InlineData("Notiz: Tresor-Code ist sieben zwo eins acht")]
    [InlineData("nota: o pin do cartão é meia três meia um")]
    [InlineData("le code du coffre c'est vingt-six, trente et un, huit")]
    [InlineData("СНИЛС двести тридцать четыре дробь пятьсот шестьдесят семь")]
    [InlineData("银行卡密码是洞两幺九八三")]
    [InlineData("एटीएम पिन है सात दो नौ एक")]
    [InlineData("codice allarme uno doppio nove quattro")]
    public void NumbersSpokenAfterANoun_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the tracking number is four one one eight two, arriving monday")]
    [InlineData("Die Kundennummer lautet drei drei null eins neun")]
    [InlineData("mi teléfono es seis uno dos, cuatro cuatro cero, nueve nueve ocho")]
    [InlineData("the lock code has four digits, I think it starts with one")]
    public void PublicNumbersSpoken_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Codice fiscale\nV R D L C U 7 1 A 0 1 H 5 0 1 Z")]
    [InlineData("T.C. KİMLİK NO\n2 7 3 5 1 0 9 8 4 6 2")]
    [InlineData("mi DNI es 7 1 · 4 0 2 · 9 9 3 - be")]
    [InlineData("the wifi password, spaced out: o . t . t . e . r . 4 . 4 . !")]
    [InlineData("wifi şifresi büyük M küçük e r t dört sekiz")]
    public void ValuesSpacedOrSpelled_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Please take a number: 0 1 2 3 4 5 6 7")]
    [InlineData("coupon: S U M M E R - 2 0 2 7, 15 % off")]
    public void SpacedLookAlikes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("my sister sends logins in halves:\n\"the prime pass is\"\n\"Walrus\"\n\"and then 4410 with a hash\"")]
    [InlineData("[10:01] Oma: das Passwort fürs Portal beginnt mit Kastanie\n[10:01] Oma: und dann 7719")]
    [InlineData("WIFI:S:Birchwood;T:WPA;P:lemon-Kite-83;;")]
    [InlineData("DB_URL=mysql colon slash slash shop colon Otter dash twelve at db dot lan slash main")]
    public void PiecesPayloadsAndDictatedUrls_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("DB_URL=mysql colon slash slash root colon root at localhost slash main")]
    [InlineData("the password must start with a capital letter and a digit")]
    public void DefaultsAndRules_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Template: \"Your Lumo code is 000000. Don't share it.\"")]
    [InlineData("test fixture: 认证码 123456 请勿泄露")]
    [InlineData("Lumo: we sent a login code. Not you? Call 0800 123 456")]
    [InlineData("2026-11-02 08:15 Ana: the wifi password changed, ask me\n2026-11-02 08:16 Ben: ok")]
    [InlineData("Recherche: welche Banken schaffen die SMS-TAN 2026/2027 ab?")]
    [InlineData("alerts: 2FA codes none\n- card ending 5521 £4.20 cafe")]
    [InlineData("Sistema | Usuário | Senha\nBanco Azul PJ | 44120987 | ••••••")]
    [InlineData("PROJ-101 Passwort-Reset-Seite kaputt → Mia")]
    public void NoticesTemplatesAndStamps_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
