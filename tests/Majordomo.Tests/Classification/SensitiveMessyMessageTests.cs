namespace Majordomo.Tests.Classification;

/// <summary>
/// Short messy messages — phone typing, voice-to-text, chat transliteration — read from the misses and false alarms of the blind
/// probe <c>corpus/dev/sensitive-lookalikes-19.jsonl</c> by category (<c>SecretPhrases.Messy</c>, <c>SensitiveScanner.Messy</c>,
/// docs/CLASSIFIER.md "Probe 19 read by category"): each category a pair — values phrased unlike the probe, in several languages,
/// and what only looks like them. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveMessyMessageTests
{
    [Theory]
    [InlineData("gym app pswd Kettlebell_44 dont lose it")]
    [InlineData("new pwd Fernweh2029 for the shared drive")]
    [InlineData("nas box passwd Marmot-7714 in case it reboots")]
    [InlineData("the pass word on the shed laptop is Orchard#515")]
    [InlineData("sec q answers: town of birth = Ennis, childhood nickname = Pip")]
    public void NounsTypedShortOrSplit_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("pwd shows /home/ana/projects, why not my repo folder")]
    [InlineData("how often should a pswd be changed at work")]
    [InlineData("are sec q answers case sensitive on most sites?")]
    public void ShortNounsWithoutAValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("parol ot routera Sinitsa_2024 esli chto")]
    [InlineData("taobao mima shi Yueliang77 ni ji zhu")]
    [InlineData("netto no pasuwaado wa Kitsune_2210 desu")]
    [InlineData("o kodikos tis kartas einai 4419")]
    [InlineData("kelmet el sir lel wifi Yasmin_3030")]
    [InlineData("abbu ka cnic 61101-2290381-5 likh do")]
    [InlineData("yinhangka 6222 0214 0907 7731 shoudao le ma")]
    [InlineData("raqam el hawiya bta3i 29801151400371")]
    public void TransliteratedNouns_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("parol dlya wifi kak pomenyat na routere?")]
    [InlineData("mima tai jiandan le, zenme gai?")]
    [InlineData("o kodikos einai lathos, ti na kanw")]
    [InlineData("cnic ki renewal fee kitni hai")]
    [InlineData("hawiya jdida 3amalt, 2 weeks wait")]
    public void TransliteratedNounsWithoutAValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("pin: devyat odin nol shest")]
    [InlineData("card pin saat paanch do ek yaad rakhna")]
    [InlineData("anshou bangou wa hachi yon roku ichi")]
    [InlineData("yanzhengma: jiu ba liu san ling er")]
    [InlineData("pin einai okto tessera exi dyo")]
    [InlineData("金庫の暗証番号は、きゅう・ご・なな・に")]
    public void DigitWordsInLatinLettersOrKana_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("do char din mein aa jayenge saat log")]
    [InlineData("san ni ichi go! the kids counted down")]
    [InlineData("ichi ni san shi, four counts then turn")]
    [InlineData("pin: yi er san si, that's a terrible one right?")]
    public void DigitWordsWithoutANounOrCounting_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("gate pin 51... no wait, 6628")]
    [InlineData("Passwort ist Falke... ich meine Falke_2025")]
    [InlineData("le digicode 44B... pardon, 7719")]
    [InlineData("код домофона 18, вернее 1864")]
    [InlineData("door code uh 90 i meant 9043")]
    public void ValuesCorrectedInTheMessage_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the pin pad is at the door, sorry, I mean the one by the lift")]
    [InlineData("password reset failed, actually the link expired")]
    public void CorrectionsWithoutAValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("otp\n41 7\n30 2")]
    [InlineData("Zugangscode:\n8 2 6\n1 9")]
    [InlineData("код из смс 55\n81")]
    public void DigitsSplitOverLines_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("results\n41 7\n30 2")]
    [InlineData("the code has two parts\nthe first is in the email")]
    public void DigitLinesWithoutANoun_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("pw is Copper, then Kettle, then 64 and a $ - all together")]
    [InlineData("mot de passe: nuage 31 soleil & tout collé")]
    [InlineData("пароль: волк 88 луна ? без пробелов")]
    public void PiecesToBeJoined_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("password must be 10 letters all together no spaces allowed, is that normal")]
    [InlineData("can a passphrase have spaces or must it be all together")]
    public void JoiningRulesWithoutPieces_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the laptop password is blue velvet piano 73 ok")]
    [InlineData("mi contraseña es gato naranja feliz 61 para el correo")]
    [InlineData("passphrase for the vault was silent copper harbor 2718")]
    public void PassphrasesRunOnToTheirDigits_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("my password is different from the one i used in 2019")]
    [InlineData("the password is longer than 16 characters")]
    [InlineData("the password was changed every 90 days")]
    public void PasswordSentencesWithANumber_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("password for steam Quasar_882")]
    [InlineData("пароль от почты Жасмин2031")]
    [InlineData("Passwort fürs WLAN Meerblick77")]
    [InlineData("mastercard 5391047721836604 got declined twice")]
    public void ValuesAfterWhatTheyOpen_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("password for windows11 keeps expiring")]
    [InlineData("password for office365 expired again")]
    [InlineData("parcel 5391047721836604 is stuck at customs")]
    public void ProductsParcelsAndUserNames_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("my pin is 1111 jk, what's a good one")]
    [InlineData("mi pin es 1234 es broma jaja")]
    [InlineData("did 8 2 7 3 steps before lunch")]
    [InlineData("3 9 6 0 kcal yesterday, too much?")]
    public void JokesAndCounts_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("my pin is 6083 jk nobody reads this")]
    [InlineData("did 8 2 7 3 before lunch, that's the door code")]
    public void RealValuesBesideAJokeOrACount_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
