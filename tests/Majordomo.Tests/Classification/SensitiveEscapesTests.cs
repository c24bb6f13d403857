using System.Globalization;
using System.Text;
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

    // The shapes the escaped decision's cuts turn away early (issue 16 item 4, docs/PERFORMANCE.md "The escaped case, step four"): a
    // key or token in code followed by ',' or ')', a two-digit identifier, a cookie's name with no row after it; and, beside each,
    // the same noun with what the rule reads, found plain and in every envelope.
    [Theory]
    [InlineData("public async Task<Order?> LoadOrder12Async(string key, CancellationToken cancellationToken)\n{\n\treturn await _store.FindAsync(key, cancellationToken);\n}")]
    [InlineData("_logger.LogDebug(\"order {Key} served from the session cache ({Count} entries)\", key, _cache.Count);")]
    [InlineData("var session = await _sessions.OpenAsync(tenant42Key, cancellationToken);")]
    public void CodeDenseInKeysAndTokens_IsNot_PlainOrEscaped(string text)
    {
        foreach (var form in Envelopes(text))
        {
            SensitiveCategoryTests.NotSensitive(form);
        }
    }

    [Theory]
    [InlineData("var cancellationToken = \"ghp_R7kQ2mZx9LpV4nWc8TfY3bHs6JdA1eGu5oKi\";")]
    [InlineData("# .ssh/config\napi_key = \"Zq8xT2vN7mKp4Lr9Wc3Yb6Hd\"")]
    [InlineData("sessionid\tq8Zk2Lm9Xv4Rt7Np3Wc6")]
    public void TheSameNounsWithAValue_AreFound_PlainOrEscaped(string text)
    {
        foreach (var form in Envelopes(text))
        {
            SensitiveCategoryTests.Sensitive(form);
        }
    }

    [Fact]
    public void Unescaped_CopiesAsTheSearchAndCopyLoopDid()
    {
        // The copy reads eight characters a step and stores them as it goes (issue 16 item 4): against the loop it replaced (a
        // search for the next backslash, a copy call per run), on texts of every length around the step, dense in backslash runs,
        // escapes cut at the text's end, \u with good and bad hex digits.
        var random = new Random(2116);
        const string alphabet = "\\\\\\nrtu\"/0a9Ffé密 xZ";
        for (var round = 0; round < 20_000; round++)
        {
            var chars = new char[random.Next(0, 70)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            string? read = null;
            SensitiveScanner.ReadOnce(text, t =>
            {
                read = t.ToString();
                return SensitiveKind.None;
            });
            Assert.Equal(Reference(text), read);
        }
    }

    // ReadOnce's copy as it was written before the eight-character steps: the text itself when it holds no escape.
    private static string Reference(string text)
    {
        var first = text.IndexOf('\\');
        if (first < 0 || !HasEscape(text, first))
        {
            return text;
        }

        var into = new StringBuilder(text[..first]);
        for (var k = first; k >= 0;)
        {
            var letter = text.AsSpan(k).IndexOfAnyExcept('\\') is var run and >= 0 ? k + run : text.Length;
            int from;
            if (Escape(text, letter, out var decoded, out var length))
            {
                into.Append(decoded);
                from = letter + length;
            }
            else
            {
                into.Append('\\', letter - k);
                from = letter;
            }

            var next = from < text.Length ? text.AsSpan(from).IndexOf('\\') : -1;
            var end = next < 0 ? text.Length : from + next;
            into.Append(text, from, end - from);
            k = next < 0 ? -1 : end;
        }

        return into.ToString();
    }

    private static bool HasEscape(string text, int first)
    {
        for (var k = first; k >= 0 && k + 1 < text.Length; k = text.IndexOf('\\', k + 1))
        {
            if (Escape(text, k + 1, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Escape(string text, int i, out char decoded, out int length)
    {
        (decoded, length) = i < text.Length ? text[i] switch
        {
            'n' => ('\n', 1),
            'r' => ('\r', 1),
            't' => ('\t', 1),
            '"' => ('"', 1),
            '/' => ('/', 1),
            'u' when i + 4 < text.Length && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) => ((char)code, 5),
            _ => ('\0', 0),
        } : ('\0', 0);
        return length > 0;
    }

    // The text plain, as a tool's JSON by System.Text.Json's default encoder (every non-ASCII character and quote as \uXXXX), with
    // quotes alone escaped, and as that JSON inside another JSON string.
    private static IEnumerable<string> Envelopes(string text)
    {
        var tool = JsonSerializer.Serialize(new { tool = "notes", content = text });
        return [text, tool, JsonSerializer.Serialize(new { tool = "notes", content = text }, QuotesOnly), JsonSerializer.Serialize(tool)];
    }
}
