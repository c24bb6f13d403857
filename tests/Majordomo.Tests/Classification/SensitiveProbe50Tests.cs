using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 50's categories (docs/CLASSIFIER.md, "Probe 50 read by category"), each secret beside its look-alike twin: a health insurer's
/// member number by its noun, an Arabic id with a possessive ending, a policy's number beside a claim, an insurance compound's number,
/// a Turkish password after "de", an Oracle connect string's password, a mistyped personnummer beside a patient, a health number
/// spoken after "my number", a power of attorney's reference, an HL7 PID segment's and a FHIR identifier's real ids; a browser agent's
/// id typed into an id's field, a card's photo asked to be typed out; a form's blank or covered photo, a form's own number, a value
/// taken out, an expression in code.
/// </summary>
public sealed class SensitiveProbe50Tests
{
    [Theory]
    [InlineData("Para el reembolso de la mutua: nº de afiliado 4410 2207 8813 0095, titular Carmen Ruiz.")]
    [InlineData("سجلي موعد لأختي في المستوصف، رقم هويتها 1187302946.")]
    [InlineData("The clinic bill under my HealthGuard travel policy HG-55120874 was refused, excess £75.")]
    [InlineData("Auslandskrankenversicherung Nr. AKV-77310458 (HanseMerkur): wie reiche ich die Rechnung ein?")]
    [InlineData("Dedemin e-Nabız şifresi de Lale1949ist, sonuçlara bakar mısın?")]
    [InlineData("url=jdbc:oracle:thin:rx_app/Dose!2026q@db-rx:1521/RX")]
    [InlineData("Patient: Britt Lund, 19581104-3327, remiss till hudkliniken.")]
    [InlineData("voicemail: \"the surgery wants my number, the NHS one, it's seven one two four four zero nine eight three six\"")]
    [InlineData("Grandad's LPA is registered now, the reference on the letter is 7004-1192-3386. Who do I send it to?")]
    [InlineData("PID|1||K7730041^^^RVJ^MR~6120884439^^^NHS^NH||MARSH^HELEN||19440212|F")]
    [InlineData("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"6120884439\"}]}")]
    public void HealthcareSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("¿Dónde viene el número de afiliado en la tarjeta de la mutua?")]
    [InlineData("كم رقماً في رقم هويتها؟ وأين يكتب على البطاقة؟")]
    [InlineData("Our privacy policy v2026 was updated; does it cover the new clinic app?")]
    [InlineData("Was deckt eine Auslandskrankenversicherung ab, und brauche ich eine für Spanien?")]
    [InlineData("Dedemin e-Nabız şifresi de unutulmuş, nasıl sıfırlarız?")]
    [InlineData("url=jdbc:oracle:thin:@//db-rx:1521/RX with the user and password from the vault")]
    [InlineData("Vårdtid 20261104-20261117 på avdelning 12, hudkliniken.")]
    [InlineData("voicemail: \"the surgery wants my number, the NHS one, it's on the blue letter\"")]
    [InlineData("How long does registering an LPA take, and where is the reference printed?")]
    [InlineData("PID|1||TEST0042^^^HOSP^MR~0000000000^^^NHS^NH||TEST^PATIENT||19000101|U")]
    [InlineData("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"http://fhir.de/sid/gkv/kvid-10\",\"value\":\"X000000000\"}]}")]
    [InlineData("This is the Medicare claim form (MS014), which box takes the card number?")]
    [InlineData("Versichertennummer und IBAN hab ich rausgelöscht.\n\nPflegehilfsmittel 11/2026: 42,00 €\nTagespflege 14.11.2026: 812,40 €")]
    [InlineData("return {\"mrn\": f[3].split('^')[0], \"dob\": f[7]}  # e.g. 19700101")]
    public void HealthcareLookAlikes_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void BrowserAgent_TypingAnIdIntoAnIdField_IsSensitive()
    {
        static string Fill(string snapshot, string selector, string value) =>
            $$$"""{"messages":[{"role":"user","content":"Book me in."},{"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function","function":{"name":"browser","arguments":"{\"action\":\"snapshot\"}"}}]},{"role":"tool","tool_call_id":"a","content":"{{{snapshot}}}"},{"role":"assistant","content":null,"tool_calls":[{"id":"b","type":"function","function":{"name":"browser","arguments":"{\"action\":\"fill\",\"selector\":\"{{{selector}}}\",\"text\":\"{{{value}}}\"}"}}]},{"role":"tool","tool_call_id":"b","content":"ok"}]}""";

        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(Fill("[input#tsi] Código de identificación personal", "#tsi", "BBRR520311004417")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(Fill("[input#q] Search", "#member-id", "W7730418826")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(Fill("[input#q] Especialidad", "#q", "dermatología")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(Fill("[input#cp] Postcode", "#cp", "BS6 5QT")));
    }

    [Fact]
    public void CardPhotos_TypedOut_AreSensitive_BlankOrCoveredOnes_AreNot()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Foto do cartão do plano, digita pra mim o número do cartão.")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Photo of my health card, I scribbled over the number. What does PCN mean?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("This is the blank insurance card application form: which box is the member ID?")));
    }
}
