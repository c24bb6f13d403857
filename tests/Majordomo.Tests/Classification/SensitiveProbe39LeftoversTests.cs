using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// What probe 39's reader left, by category (<c>SensitiveScanner.AuthTuples</c>, <c>SensitiveScanner.Ids</c>,
/// <c>SecretPhrases.Judged</c>; docs/CLASSIFIER.md "Leftovers of probe 39 and the older files"): each secret beside its look-alike
/// twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveProbe39LeftoversTests
{
    [Theory]
    [InlineData("Why 401?\nr = requests.get(URL, auth=('svc_billing', 'q7Vtm29LxPa4'), timeout=10)")]
    [InlineData("session.auth = (\"ventas_sync\", \"Ma7rq2Zp0wEv\")")]
    [InlineData("r = requests.post(url, auth=HTTPBasicAuth('lager_api', 'Wz8pLk3Tq9sR'), json=payload)")]
    public void APasswordInAnHttpClientsAuthTuple_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("r = requests.get(URL, auth=(os.environ['API_USER'], os.environ['API_PASS']))")]
    [InlineData("requests.get('https://httpbin.org/basic-auth/user/pass', auth=('user', 'pass'))")]
    [InlineData("auth=HTTPDigestAuth('<user>', '<mot_de_passe>')")]
    [InlineData("client = Client(auth=('admin1', 'admin1'))")]
    public void AnAuthTupleOfVariablesPlaceholdersOrTheUsersName_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("[{\"name\":\"Rashid\",\"eid\":\"784-1988-3310472-6\"}]")]
    [InlineData("Khalid,784-1979-5521043-6,0501234567")]
    public void AnEmiratesIdByItsPrintedShape_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Write a regex for the Emirates ID format 784-YYYY-NNNNNNN-C.")]
    [InlineData("[{\"name\":\"Rashid\",\"eid\":\"784-1988-3310472-5\"}]")] // its Luhn check fails
    [InlineData("[{\"container\":\"MAEU-2201-8830\",\"port\":\"Khalifa\"}]")]
    public void AFormatACheckThatFailsOrAContainersCode_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Patient: Lakshmi Narayanan, 58 F\nUHID: KMC/2026/0031874\nWard: 4B")]
    [InlineData("my dad's PM-JAY ID is 6120 4471 9983, the desk keeps asking")]
    [InlineData("नाम | कर्मचारी संख्या | सोम\nअमित वर्मा | 44120 | हाँ\nसीमा जोशी | 44137 | हाँ")]
    [InlineData("பெயர் | பணியாளர் எண் | வருகை\nசெந்தில் குமார் | EMP-1120 | 09:40\nமீனா சுந்தர் | EMP-1087 | 09:05")]
    public void AHospitalsOrAnEmployersNumberBesideItsPerson_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Invoice No: INV-2026/004812\nTotal ₹24,615")]
    [InlineData("What is a UHID and how is a PM-JAY ID issued?")]
    [InlineData("பொருள் | பொருள் எண் | அளவு\nஅரிசி | P-1120 | 48")]
    public void ADocumentsNumberOrTheNounsAlone_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("The bank texted me a verification code\n771904\nshould I give it to him?")]
    [InlineData("my card PIN is 0000 because I never changed it")]
    [InlineData("what's the OTP? 904417 came in but the app says invalid")]
    [InlineData("the keypad at the gate takes 5 9 2 7 then the bell")]
    public void ACodeGiven_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("11:52 Online 1,899 SAR Dubai (no verification code)\n13:05 ATM 500 SAR Jeddah *7731")]
    [InlineData("Is 1111 a weak PIN? Same as 1234 basically?")]
    [InlineData("Is ০০০০ a bad PIN? Same as 0000 right?")]
    [InlineData("regex to match a 6-digit OTP? e.g. it should match 904417 but not 90441")]
    [InlineData("OTP entry on a numeric keypad: lookalike digits (5 vs 5 vs 0 in different scripts)")]
    [InlineData("What did the banks change about OTP delivery between 2019-2024?")]
    [InlineData("Our Django test fixture:\n    username: qa_tester\n    pin: '0000'")]
    public void AMaskedTailAJudgedExampleComparedDigitsAYearRangeOrAFixturesZeros_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
