using System.Text.Encodings.Web;
using System.Text.Json;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Text that is itself a JSON string is read as what it says (<c>SensitiveScanner.Escapes</c>): a tool's output in another language
/// arrives with every non-ASCII character as <c>\uXXXX</c> (System.Text.Json's default encoder, Python's <c>json.dumps</c>), its
/// quotes as <c>\u0022</c> or <c>\"</c>, sometimes escaped twice. Each secret and each look-alike is checked plain and in those
/// envelopes: the verdict must not move.
/// </summary>
public class SensitiveEscapesTests
{
    private static readonly JsonSerializerOptions QuotesOnly = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("Le mot de passe de la box\u00a0: Tournesol-Rouge-48")]
    [InlineData("我的邮箱密码是 qiuyu_0612lan，别告诉别人")]
    [InlineData("Пароль от роутера: zimniy_les2019")]
    [InlineData("ATMの暗証番号は 4827 です。メモしておいて")]
    [InlineData("\"şifre\": \"Kartal#5531\"")]
    [InlineData("کد ملی من ۰۷۳۹۲۸۴۱۵۶ است")]
    public void ASecretInAnotherLanguage_IsFound_PlainOrEscaped(string text)
    {
        foreach (var form in Envelopes(text))
        {
            SensitiveCategoryTests.Sensitive(form);
        }
    }

    [Theory]
    [InlineData("Le mot de passe doit contenir au moins douze caractères\u00a0: lesquels sont interdits\u00a0?")]
    [InlineData("我忘记了邮箱密码，怎么重置？")]
    [InlineData("Пароль должен быть не короче десяти символов")]
    [InlineData("ATMの暗証番号を忘れました。再発行の手順は？")]
    [InlineData("\"şifre\": \"\"")]
    [InlineData("\u00ab\u00a0Mot de passe oublié\u00a0?\u00a0\u00bb s'affiche en haut à droite")]
    public void ALookAlikeInAnotherLanguage_IsNot_PlainOrEscaped(string text)
    {
        foreach (var form in Envelopes(text))
        {
            SensitiveCategoryTests.NotSensitive(form);
        }
    }

    [Fact]
    public void Escapes_AreReadAsTheCharactersTheyStandFor()
    {
        var read = new List<string>();
        SensitiveScanner.Pass pass = t =>
        {
            read.Add(t.ToString());
            return SensitiveKind.None;
        };

        SensitiveScanner.ReadOnce("a\\nb \\\"c\\\"\\tend", pass);
        SensitiveScanner.ReadOnce("mot de passe\\u00a0: x \\u5bc6\\u7801 \\ud83d\\ude00", pass);
        SensitiveScanner.ReadOnce("twice: \\\\n\\\\\\\"q\\\\\\\" \\\\u00e9 https:\\/\\/a", pass);
        SensitiveScanner.ReadOnce("C:\\Users\\ana \\u12 \\uZZZZ plain\\", pass);
        Assert.Equal(["a\nb \"c\"\tend", "mot de passe\u00a0: x 密码 😀", "twice: \n\"q\" é https://a", "C:\\Users\\ana \\u12 \\uZZZZ plain\\"], read);
    }

    // The text plain, as a tool's JSON by System.Text.Json's default encoder (every non-ASCII character and quote as \uXXXX), with
    // quotes alone escaped, and as that JSON inside another JSON string.
    private static IEnumerable<string> Envelopes(string text)
    {
        var tool = JsonSerializer.Serialize(new { tool = "notes", content = text });
        return [text, tool, JsonSerializer.Serialize(new { tool = "notes", content = text }, QuotesOnly), JsonSerializer.Serialize(tool)];
    }
}
