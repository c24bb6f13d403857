using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 53's categories (docs/CLASSIFIER.md, "Probe 53 read by category"), each secret beside its look-alike twin: a school letter's
/// registration code read off its photo, a token in a URL's query parameter, students' and candidates' numbers by their nouns (in a
/// two-column table too), a pseudonymised study's linkage key, a claim opened with a named insurer, a school log-in's Scandinavian
/// noun, German's short "Pass"; a course's code, a payment notice's code, the documentation's test id, a service named with whose
/// password it is, an id's format asked, a recovery key's id, a fixture's rows, source code after "Kod:".
/// </summary>
public sealed class SensitiveProbe53Tests
{
    [Theory]
    [InlineData("GET /api/sync?user=7&authtoken=7a1c9e3b5d2f4a6c8e0b1d3f5a7c9e2b HTTP/1.1")]
    [InlineData("Numer albumu 301122, proszę o wpis do protokołu.")]
    [InlineData("Kiss Anna oktatási azonosítója 72011893315, kérem javítsák.")]
    [InlineData("nom;ine\nROUX;091234567FE")]
    [InlineData("Linkage key\nC-12 Ruth Adler 2013-04-02\nC-13 Omar Nasser 2012-08-19")]
    [InlineData("Claim 88-201934 with Hiscox for the stolen bike, what's the next step?")]
    [InlineData("Min elevkode er Sol!Hest7, brugernavn jon12.")]
    [InlineData("Pass von Jonas, Nummer C01X00T47, bitte eintragen.")]
    [InlineData("Il codice del corso è INF-204 e la password dell'aula è Banco!77.")]
    [InlineData("Walidator odrzuca mój PESEL 90090515836, dlaczego?")]
    [InlineData("Le mot de passe Pronote de mon fils est Lune2016!")]
    [InlineData("The MIS rejects UPN K801200001003 for pupil Sam Ford — is the check letter wrong?")]
    public void StudentsNumbersAndSchoolLogins_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("cron calls /api/sync?authtoken=${LMS_TOKEN} every hour, is that safe?")]
    [InlineData("Gdzie w USOS sprawdzę swój numer albumu?")]
    [InlineData("nom;ine\nROUX;[masqué]")]
    [InlineData("C-12 | 31 points\nC-13 | 28 points")]
    [InlineData("How long do Hiscox claims usually take for a stolen bike?")]
    [InlineData("Hvor finder jeg min elevkode?")]
    [InlineData("Pass von Jonas läuft 2027 ab, reicht das?")]
    [InlineData("Il codice del corso è INF-204, lo trovi sul portale.")]
    [InlineData("Mein Kurscode für Moodle ist BIO-LK-12, wo trage ich den ein?")]
    [InlineData("Per la gita c'è il codice avviso 3021 4455 6677 8899 00, si paga con l'app IO?")]
    [InlineData("Walidator odrzuca 44051401359 z dokumentacji, dlaczego?")]
    [InlineData("Le mot de passe Pronote de mon fils a expiré, que faire ?")]
    [InlineData("What regex matches a 13-character UPN? No spaces, just the letter and the digits.")]
    [InlineData("Wiederherstellungsschlüssel gesucht, Schlüssel-ID 7A3C09E1 — wo finde ich ihn?")]
    [InlineData("student_id,name,grade\nTEST-0042,Fixture Student,9\nTEST-0043,Fixture Pupil,10")]
    [InlineData("Kod:\n\nconst w = [1,3,7,9,1,3,7,9,1,3];")]
    public void CoursesCodesAndTestValues_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotoAsks_ReadingARegistrationCodeOut_AreSensitive()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Foto do bilhete da creche com o código de convite da app, escreve-me o código?")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("学校の案内の写真です。招待コードを文字で書いてください。")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Photo of the school app letter: where do I enter the registration code?")));
    }
}
