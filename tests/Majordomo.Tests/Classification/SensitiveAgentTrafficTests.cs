using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// What an agent's traffic carries (<c>SensitiveScanner.AgentTraffic</c>, <c>SecretPhrases.AgentTraffic</c>), read from the misses and
/// false alarms of the blind probe <c>corpus/dev/sensitive-lookalikes-14.jsonl</c> by category: each detector beside what only looks
/// like its value, each guard beside a real secret of the same shape, phrased unlike the probe. Every verdict is checked through the
/// prefilter too; the envelopes (a tool's JSON inside a tool result) through the whole request.
/// </summary>
public class SensitiveAgentTrafficTests
{
    [Theory]
    [InlineData("employee_id\tfull_name\tpassport_no\tnationality\nE-118\tMarta Lind\tC7F2K9144\tSWE\nE-119\tOle Brun\tP4408127\tNOR")]
    [InlineData("| usuario | contraseña | rol |\n|---|---|---|\n| jvaldez | Cangrejo#4471 | admin |")]
    [InlineData("id,name,phone,ssn\n7,Dana Ruiz,555-0199,412-58-7316")]
    public void TableWithAnIdOrPasswordColumn_IsSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("name,passport_valid,country\nAna,yes,PT\nRui,no,BR")]
    [InlineData("user;password;last_login\nmkoch;********;2026-11-30")]
    [InlineData("sku,price,qty\n1,1299,3\n2,1,250")]
    public void TableWithoutValuesInTheColumn_IsNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("inscríbeme con el RUN 7.654.321-6 en la mutual, por favor")]
    [InlineData("lista: Pablo Mena 15.204.877-3, Ana Tapia 9.112.043-K (RUT)")]
    [InlineData("Bitte AHV 756.9217.0146.75 auf dem Formular eintragen")]
    [InlineData("扶養控除申告書の個人番号欄: 6183 2945 0072 で合ってる？")]
    public void IdsInTheirPrintShape_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("el presupuesto va de 18.500.000-20.000.000 pesos")]
    [InlineData("EAN 7561234567897 steht auf der Verpackung")]
    [InlineData("個人番号カードの申請はどこでできますか？")]
    public void PrintShapesWithoutAnId_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Die Karte will eine neue PIN. Die alte war 5813, die neue soll anders sein.")]
    [InlineData("La banca mi ha bloccato il PIN. Quello vecchio era 904127.")]
    [InlineData("SIMの暗証番号を聞かれた。番号は 3318 だと思う")]
    public void PinStatedInTheNextSentence_IsSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Ich habe die PIN geändert. Die Gebühr war 2500 Yen.")]
    [InlineData("The PIN expired last week. The year was 2019.")]
    [InlineData("주민등록번호 검증 함수를 만들어줘. 입력은 850101-1234567 같은 형식이야.")]
    public void NumbersInTheNextSentence_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("curl 'https://api.example-weather.io/v1/forecast?city=Lyon&appkey=9c1e7a55d2b04f3e8a61b7c2d9e0f4a3'")]
    [InlineData("rpc_url = \"https://polygon-mainnet.example.net/v3/Zk4pQ9wLm2Xr7Tb5Ns8Vc1Hd\"")]
    [InlineData("networks:\n  fuji:\n    accounts: ['0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318']")]
    public void KeysInUrlsAndWalletConfigs_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("see https://api.github.com/v3/repos/octocat/hello and https://example.com/v1/users/550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("https://cdn.example.com/asset.js?id=3f9e2d1c0b4a59687e6d5c4b3a2f1e0d")]
    [InlineData("tx 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 reverted, out of gas")]
    [InlineData("accounts: { mnemonic: process.env.MNEMONIC }")]
    public void UrlsAndHashesWithoutAKey_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("wallet recovery, I lost one: ramp, cousin, hollow, velvet, pistol, ___, nation, orbit, tiny, margin, giggle, shadow")]
    [InlineData("security questions I set: name of my childhood street (Larchmont) and my grandmother's first name (Edwige)")]
    public void SeedWordsWithAGapAndBracketedAnswers_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("wallet recovery words template: ___, ___, ___, ___, ___, ___, ___, ___, ___, ___, ___, ___")]
    [InlineData("first pet (optional), then the street you grew up on")]
    public void TemplatesAndRemarks_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("tax form hint: PAN (PPPPP1111P) for individuals")]
    [InlineData("national insurance number, format like QQ123456C, two letters first")]
    [InlineData("Steuer-ID (Format: 01 234 567 890 — Muster)")]
    [InlineData("Personalausweisnummer (L01X00T47 — Beispiel aus der Broschüre)")]
    public void FormatsAndExamples_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("ITR says PAN AFZPK7190K doesn't match")]
    [InlineData("my national insurance number is QQ 12 34 56 C")]
    public void TheSameIdsGivenAsValues_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("X-Idempotency-Key: 9c1e7a55-d2b0-4f3e-8a61-b7c2d9e0f4a3")]
    [InlineData("partition key: tenant8842x2026abcdEFGH")]
    [InlineData("here is the laptop's public key: age1k8x2q9w7e5r3t1y6u4i2o0p8a6s4d2f0g8h6j4k2l0z8x6c4v2b0n8")]
    [InlineData("smtp:\n  password: !env_var SMTP_PASS")]
    [InlineData("  MasterUserPassword: !Ref DbMasterPassword")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-creds-AbC123")]
    [InlineData("name: projects/acme/secrets/stripe-key9x/versions/7")]
    [InlineData("our secret store pins images by digest: registry.example/app@sha256:1f3c9a8b7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b")]
    public void KeysThatAreNoCredentialsAndSecretReferences_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("x-api-key: 7Gq2LmZ9pW4rT8sK1vN6bX3c")]
    [InlineData("PrivateKey = Hx7Lm2Qa9Vz4Tb8Nw3Rk5Yc1Pd6Fs0Gj2Ku7Eo9Wi4M=")]
    [InlineData("smtp:\n  password: Wq7!harbor-9")]
    [InlineData("SecretString: {\"password\":\"Lq8#vantage-22\"}")]
    [InlineData("AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQS8")]
    public void CredentialsBesideThem_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("trace 01HZX3K8QW5D7RGN4TBVYEM2PC in the logs")]
    [InlineData("webhook event evt_01HZX3K8QW5D7RGN4TBVYEM2PC arrived twice")]
    [InlineData("landing.html?fbclid=IwAR2xKq9Lm7Zt4Wv8Np3Rs6Ty1Ub5Vc0&utm_source=fb")]
    [InlineData("send it to bc1q9h7garjhj3x5n0v4s3k8c2e6w4y5z7u9p0r2t4xx")]
    [InlineData("interface: wg1\n\npeer: Hx7Lm2Qa9Vz4Tb8Nw3Rk5Yc1Pd6Fs0Gj2Ku7Eo9Wi4M=\n  endpoint: 10.8.0.4:51820")]
    [InlineData("Hx7Lm2Qa9Vz4Tb8Nw3Rk5Yc1Pd6Fs0Gj2Ku7Eo9Wi4M=\t1764880000\nQz3Lm2Qa9Vz4Tb8Nw3Rk5Yc1Pd6Fs0Gj2Ku7Eo9Wi4M=\t0")]
    public void PublicIdsAnAgentReads_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("PESEL mają też osoby urodzone w 2003 roku?")]
    [InlineData("пароль root/root по умолчанию на этом образе?")]
    [InlineData("the PIN must be 6-digit, not 4")]
    [InlineData("NIST SP 800-63B says passwords need not be rotated")]
    public void YearsDefaultsUnitsAndStandards_AreNot(string text) => NotSensitive(text);

    [Fact]
    public void ToolOutputThatIsItselfJson_IsReadThroughItsEscapes()
    {
        const string Body = """{"max_tokens":100,"messages":[{"role":"user","content":"what did Jonas send about the shed?"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"mail_read","input":{"id":"m-77"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"{\"from\":\"jonas\",\"text\":\"Hi!\\nSchuppen-Schloss\\npasswort: Kiefernweg!27\\nGruß\"}"}]}]}""";
        Assert.NotEqual(SensitiveKind.None, Scan(PromptView.AnthropicProtocol, Body));
    }

    [Fact]
    public void ToolOutputThatIsItselfJson_WithAPlaceholder_IsNot()
    {
        const string Body = """{"max_tokens":100,"messages":[{"role":"user","content":"what's in the smtp config?"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"read","input":{"path":"smtp.json"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"{\"host\":\"mail.example.org\",\"text\":\"user: relay\\npassword: ${SMTP_PASSWORD}\\nport: 587\"}"}]}]}""";
        Assert.Equal(SensitiveKind.None, Scan(PromptView.AnthropicProtocol, Body));
    }

    [Theory]
    [InlineData("{\"from\": \"caretaker\", \"body\": \"Hello,\\nstorage room code: 7316\\nPlease don't share it with visitors.\"}")]
    [InlineData("Hello,\nstorage room code: 7316.\n\nPlease don't share it with visitors.")]
    public void AWarningOpeningItsLine_CoversTheLineBefore(string text) => Sensitive(text);

    [Theory]
    [InlineData("storage room code: 7316\nthe hall is shared. Please don't share it with visitors.")]
    [InlineData("storage room code: 7316\nline two\nPlease don't share it with visitors.")]
    public void AWarningFurtherOn_DoesNotCoverTheLineBefore(string text) => NotSensitive(text);

    private static SensitiveKind Scan(string protocol, string body)
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), protocol);
        return HeuristicClassifier.Sensitive(view);
    }

    private static void Sensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    private static void NotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
