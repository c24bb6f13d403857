using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// What browser and computer-use agents send, read from the errors of the probe <c>corpus/dev/sensitive-lookalikes-32.jsonl</c> by
/// category (<c>SensitiveScanner.BrowserAgents</c>, <c>SecretPhrases.BrowserAgents</c>, docs/CLASSIFIER.md "Probe 32 read by category"):
/// each secret beside its look-alike twin of the same shape. Plain texts are checked through the prefilter too.
/// </summary>
public class SensitiveBrowserAgentTests
{
    private const string TypeCall = """{"messages":[{"role":"user","content":"sign in"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"browser_type","arguments":"{\"element\": \"LABEL\", \"ref\": \"e7\", \"text\": \"VALUE\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"Typed."}]}""";

    private const string FillForm = """{"messages":[{"role":"user","content":"sign in"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"browser_fill_form","arguments":"{\"fields\": [{\"name\": \"Benutzer\", \"type\": \"textbox\", \"ref\": \"e5\", \"value\": \"kfrey\"}, {\"name\": \"LABEL\", \"type\": \"textbox\", \"ref\": \"e7\", \"value\": \"VALUE\"}]}"}}]},{"role":"tool","tool_call_id":"c1","content":"Filled 2 fields."}]}""";

    [Theory]
    [InlineData(TypeCall, "Passwort", "Kiefer#Nebel82")]
    [InlineData(TypeCall, "PIN", "73910455")]
    [InlineData(TypeCall, "パスワード", "sakura-Hibari39")]
    [InlineData(FillForm, "Contraseña", "Girasol.Cadiz.77")]
    [InlineData(FillForm, "Security code (CVC)", "582")]
    public void ASecretTypedIntoASecretField_IsSensitive(string shape, string label, string value) =>
        Assert.NotEqual(SensitiveKind.None, Scan(shape.Replace("LABEL", label).Replace("VALUE", value)));

    [Theory]
    [InlineData(TypeCall, "Email address", "jo.hartigan@fastmail.com")]
    [InlineData(TypeCall, "Password", "")]
    [InlineData(FillForm, "Suchbegriff", "Bienenhaltung 2027")]
    [InlineData(FillForm, "Order number", "W20261188")]
    public void APublicFieldOrAnEmptySecretField_IsNot(string shape, string label, string value) =>
        Assert.Equal(SensitiveKind.None, Scan(shape.Replace("LABEL", label).Replace("VALUE", value)));

    [Theory]
    [InlineData("The agent's call failed: {\"name\": \"browser_type\", \"arguments\": {\"element\": \"One-time code\", \"ref\": \"e44\", \"text\": \"915302\"}}")]
    [InlineData("flaky test:\nawait page.getByLabel('Email').fill('qa@lumenhq.io');\nawait page.getByLabel('Password').fill('Qx8!tundra-Fable');")]
    [InlineData("flaky test:\nawait page.fill('#password', 'Qx8!tundra-Fable');")]
    public void ASecretFilledByCodeOrRawArguments_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("The agent's call failed: {\"name\": \"browser_type\", \"arguments\": {\"element\": \"Order number\", \"ref\": \"e44\", \"text\": \"W20261188\"}}")]
    [InlineData("flaky test:\nawait page.getByLabel('Password').fill(process.env.QA_PASSWORD!);")]
    [InlineData("stripe test:\nawait page.fill('#card', '4000 0000 0000 0002');\nawait page.fill('#cvc', '123');")]
    public void APublicFieldOrAnEnvironmentValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("{\"cookies\":[{\"name\":\"app_session\",\"value\":\"s%3Aa9F3kQ2mZ7pLwX0cVb8NrT1yH6uJ4eD5\",\"domain\":\"app.example.io\"}]}")]
    [InlineData("name\tvalue\tdomain\nuser_session\tHk4uQ1pX7mZ2vN8bR5tY0wLc3sJ6dF9aE1gT\tgithub.com")]
    public void ASessionCookieInASavedJar_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("{\"cookies\":[{\"name\":\"_hjSessionUser_2210934\",\"value\":\"eyJpZCI6IjdhMjFkYzk4LTEyMzQiLCJjcmVhdGVkIjoxNzY1MDExMjAwfQ==\",\"domain\":\".qonto.com\"}]}")]
    [InlineData("name\tdomain\tpath\nuser_session\tgithub.com\t/\n_gh_sess\tgithub.com\t/")]
    [InlineData("_ga\tGA1.1.1402277180.1764921022\t.shop.de\nIDE\tAHWqTUmB8rK2xZ0vQ4nT7yLp3Wd\t.doubleclick.net")]
    public void AnAnalyticsJarOrNamesAlone_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("<input type=\"hidden\" name=\"authenticity_token\" value=\"Tq8vYp3Lm0Zx7KcR2nWb5HsD9gFa4Ue1Jo6Qi8Tr3Vy0\">")]
    [InlineData("<meta name=\"csrf-token\" content=\"Yk3pW9rT1vLx7QmZ2cN8bF4hD6sJ0aGe\">\n<meta name=\"google-site-verification\" content=\"Hv2Tq8LxN4mZ9pR1cW7yB3kD5sF0gJ6e\">")]
    [InlineData("csrfmiddlewaretoken=Hq4Lx8Vz2Nm6Tb0Yr3Wc7Pk1Sd5Gf9Ja2Ue6Io0Ql&q=winter+tyres")]
    public void AnAntiForgeryTokenOrASiteProof_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("<meta name=\"csrf-token\" content=\"Yk3pW9rT1vLx7QmZ2cN8bF4hD6sJ0aGe\">\n<script>var cfg = { stripeSecret: \"sk_live_51Hx8KpT2mZ9vL4qR7cW1nB3yD6sF0gJaE5uX\" };</script>")]
    [InlineData("authenticity_token=Tq8vYp3Lm0Zx7KcR&user%5Bpassword%5D=Gannet%21Cliff%2B204")]
    public void ACredentialBesideAnAntiForgeryToken_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Yemeksepeti notu: bina şifresi notuna 1984 yaz, kurye beklemesin.")]
    [InlineData("Site kapısının şifresi 2011, kargocuya söyle.")]
    public void ATurkishYearShapedCode_AfterThePossessiveNoun_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Site kapısının şifresi 2011'de değişmiş, yenisini yönetimden öğren.")]
    [InlineData("Kasanın şifresi 1995 yılında konmuş, değiştirmeli miyiz?")]
    public void AYearThatDatesTheNoun_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Typed. Page: textbox \"Password\" [ref=e7] (empty), button \"Sign in\" [ref=e11]")]
    [InlineData("### Ran Playwright code\n```js\nawait page.getByRole('textbox', { name: 'Zählerstand' }).fill('48213');\n```")]
    [InlineData("Staying safe: Example of a weak password: Autumn2025! Choose three random words.")]
    [InlineData("is it bad to run the agent while my password manager is open?")]
    public void AnEmptyFieldACodeHeaderAnExampleOrAManager_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("- textbox \"Username\" [ref=e5]: cora.l\n- textbox \"Password\" [ref=e7]: Heron-Tidal-5530")]
    [InlineData("Your temporary password: Autumn-Ledger-4471. Change it at first login.")]
    public void ATypedFieldOrAStatedPassword_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("check me in for saturday's flight, confirmation code is KX7Q2M, last name Okafor")]
    [InlineData("02.12. Deutsche Bahn -49,90 EUR Transaktionscode 7KD20931MX4481530")]
    [InlineData("Gross 3,920.00 Medicare 56.84 State NY 188.10\nNet 2,990.82\nPaid to: Chase Checking ••••6120")]
    [InlineData("银行卡管理\n工商银行 借记卡 尾号4072\n交通银行 信用卡 尾号8815 有效期至 2029年8月")]
    public void AReferenceAnAmountOrAMaskedTail_AfterANoun_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the hotel app wants my phone verified, the confirmation code is 731186, type it in")]
    [InlineData("Mete el código de la tarjeta regalo en mi cuenta: X4QK-7TRB9L-MN2P.")]
    [InlineData("OCR of my card: Medicare Number 5TG8-QW2-HJ41, Part A 03-01-2025")]
    public void ACodeOrAnIdInFull_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("log into my hetzner account (K0831122947 / Fjord-Pepper-Saddle-9) and check the invoice")]
    [InlineData("Bitte bei der Sparkasse einloggen (Anmeldename kfrey_1977 / Nordsee-Kompass-3) und vorlesen.")]
    public void AUserAndSecretInBrackets_AfterALogIn_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void AUserAndAPlaceInBrackets_IsNot() =>
        SensitiveCategoryTests.NotSensitive("sign in to my OVH panel (jb48211-ovh / the usual one) and check the renewal");

    private static SensitiveKind Scan(string body)
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);
        return HeuristicClassifier.Sensitive(view);
    }
}
