using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// School, childcare and family administration (probe 42 read by category; docs/CLASSIFIER.md): pupils', exam candidates',
/// pensioners' and student loans' numbers by their nouns, a roster's name before the noun, a number held in someone's name, a
/// temporary password's adjective after its noun, a shelf-coded pick-up code, a Korean resident number with no check digit, health
/// cards and activation letters photographed and read out — each beside its twin: the noun asked about, a school's centre number,
/// a utility's customer reference, an organisation's NPWP or MST, HMRC's QQ example, keypad PINs called obvious, an age after a
/// password's noun, a gate's opening times, a statement blacked out in November, a prescription's or a report's photo.
/// </summary>
public class SensitiveSchoolsTests
{
    [Theory]
    [InlineData("Pupil | UPN | Reading age\nLeo Grant | H801200812034 | 8y1m\nAva Singh | H801200811877 | 7y6m")]
    [InlineData("Son's UCAS Personal ID is 127-553-9018, can you draft the email to admissions?")]
    [InlineData("娘の受験番号は31508です。合格発表はいつですか？")]
    [InlineData("아들 수험번호 24017513 인데 성적표 나오면 이 번호로 조회하나요?")]
    [InlineData("孩子的准考证号是 310105260418，成绩几号能查？")]
    [InlineData("Mã học sinh của bé là 7901245583, đăng nhập thế nào?")]
    [InlineData("Mum's PPO no. 190120700481, the pension stopped in October")]
    [InlineData("Mon numéro d'allocataire CAF est 2748391, ils veulent un certificat")]
    [InlineData("Legitymacja szkolna nr 221/2025, Jakub Nowak, ur. 14.05.2012")]
    public void RegistryNumbersOfPupilsCandidatesAndPensioners_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("What is a UCAS Personal ID and where would my son find it?")]
    [InlineData("受験番号は何桁ですか？願書の欄が5マスしかなくて。")]
    [InlineData("수험번호는 보통 몇 자리예요?")]
    [InlineData("The letter says centre number 64395 at the top. Is that the school's number?")]
    [InlineData("PPO नंबर क्या होता है और यह कहाँ लिखा होता है?")]
    [InlineData("C'est quoi le numéro d'allocataire de la CAF ?")]
    [InlineData("Our energy supplier's customer reference is 81730042 and they billed us twice")]
    public void TheSameNounsAskedAbout_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Fammi una tabella:\nGiulia Marchetti — matricola 0000874512 — Fisica\nMarco Villa — matricola 0000879033 — Economia")]
    [InlineData("Write the tutor a reply with Mia's exam details: Mia Chen, candidate number 4417, centre number 64395.")]
    [InlineData("Make this a CSV:\n\nName | Student no. | Form\nOscar Bell | 20417731 | 8K\nNadia Farouk | 20418052 | 8K")]
    [InlineData("El número de inscripción de mi hija es 45821937, a nombre de Lucía Prieto.")]
    public void RosterLinesAndNumbersInSomeonesName_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Make this a CSV:\n\nName | Form | Packed lunch\nOscar Bell | 8K | yes\nNadia Farouk | 8K | no")]
    [InlineData("Fammi una tabella (corso, posti, scadenza):\nFisica — 40 posti — 15 settembre\nEconomia — 120 posti — 10 settembre")]
    [InlineData("The washing machine's matricola 3300471892 is on the sticker inside the door")]
    public void RostersWithoutNumbersAndMachinesSerials_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Identifiant l.moreau7, mot de passe provisoire Kq4#tLzw, à changer à la première connexion.")]
    [InlineData("usuario pablo.r, contraseña temporal Rw8!mNbs, cámbiala al entrar")]
    [InlineData("utente g.ferri e password provvisoria Ht5$kQpe, da cambiare entro 48 ore")]
    [InlineData("驿站取件码是 8-3-2076，发给我妈")]
    [InlineData("학생 명단\n김도윤, 150812-3471829, 초5\n이하은, 160203-4218536, 초4")]
    public void TemporaryPasswordsShelfCodesAndResidentNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Le mot de passe provisoire de Pronote a expiré avant que je me connecte, je fais comment ?")]
    [InlineData("La password provvisoria del registro va cambiata entro 48 ore, giusto?")]
    [InlineData("家长会是 2026-03-08 下午三点，取件码的格式是什么？")]
    [InlineData("Le champ s'appelle « mot de passe » mais l'appli refuse les accents, c'est normal ?")]
    public void TemporaryPasswordsAskedAbout_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("My son's tablet PIN is 2580, which feels too obvious. Should he change it?")]
    [InlineData("NPWP saya 09.876.543.2-123.000, untuk lapor SPT cukup itu saja?")]
    [InlineData("Mã số thuế cá nhân của mình là 8012345678, điền vào ô nào?")]
    [InlineData("My national insurance number is JT 48 22 61 B and the HR portal says it's invalid")]
    [InlineData("my 9-year-old's tablet password is Dino-Rex-2017, too easy?")]
    [InlineData("O código do portão da escola é 7430, passa pros avós")]
    public void OwnPinsTaxNumbersAndCodes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("When a parent sets the unlock PIN it should refuse the obvious ones: 0000, 1111, 1234, 4321, 2580, and years.")]
    [InlineData("Di kuitansi ada NPWP lembaganya 01.234.567.8-012.000, perlu disimpan?")]
    [InlineData("Trên hóa đơn có 'Mã số thuế: 0101234567' của trường. Có cần ghi lại không?")]
    [InlineData("Unit tests for the NI number validator: 'QQ 12 34 56 C' should pass, 'QQ123456' should fail.")]
    [InlineData("National Insurance numbers in the export, fixtures: valid 'QQ123456C' (HMRC's own example)")]
    [InlineData("What's the usual way to handle passwords for a 9-year-old's first tablet?")]
    [InlineData("O portão principal abre às 7h e fecha às 7h30 para os alunos.")]
    public void ObviousPinsOrganisationsTaxNumbersExamplesAgesAndTimes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void CardsAndLettersPhotographed_AreSensitive_WhenTheirNumberIsReadOut()
    {
        Assert.NotEqual(SensitiveKind.None, Scan("Hier die Gesundheitskarte von Papa. Lies mir bitte die Versichertennummer vor."));
        Assert.NotEqual(SensitiveKind.None, Scan("C'est bien la carte Vitale de maman que j'ai prise en photo ?"));
        Assert.NotEqual(SensitiveKind.None, Scan("Ecco la tessera sanitaria della nonna, mi trascrivi il codice fiscale?"));
        Assert.NotEqual(SensitiveKind.None, Scan("Foto van de brief met de DigiD-activeringscode. Kun je de code voorlezen?"));
        Assert.Equal(SensitiveKind.None, Scan("Foto van de DigiD-brief: wat moet hij doen als de activeringscode verlopen is?"));
        Assert.Equal(SensitiveKind.None, Scan("Foto vom Rezept meiner Mutter: wie oft soll sie die Tabletten nehmen?"));
        Assert.Equal(SensitiveKind.None, Scan("Photo du bulletin de ma fille : dans quelle matière elle a progressé ?"));
        Assert.Equal(SensitiveKind.None, Scan("Grandad's bank statement for November — I've blacked out the account details. Did his pension go in?"));
        Assert.Equal(SensitiveKind.None, Scan("Extracto de noviembre de mi padre, le he tachado los números de cuenta. ¿Entró la pensión?"));
        Assert.NotEqual(SensitiveKind.None, Scan("Mum's bank statement for November. I haven't blacked out anything, read me the account number."));
    }

    private static SensitiveKind Scan(string ask) => SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo(ask));
}
