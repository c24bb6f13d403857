using System.Numerics;
using System.Text;
using Majordomo.Classification;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The prefiltered scan (<see cref="SensitivePrefilter"/>) against the full one (<see cref="SensitiveScanner.Scan"/>):
/// the same kind for every text of every prompt in corpus/train, corpus/dev and the tests' data sets (the held-out
/// corpus/test and the blind probes are never read: <see cref="TestCorpus"/>), and for generated texts dense in triggers,
/// digits and case look-alikes.
/// </summary>
public class SensitivePrefilterTests
{
    [Fact]
    public void EveryCorpusText_SameVerdict()
    {
        var files = TestCorpus.TrainAndDev()
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data"), "*.jsonl"))
            .ToList();
        var texts = 0;
        var sensitive = 0;
        foreach (var file in files)
        {
            Assert.DoesNotContain($"{Path.DirectorySeparatorChar}test{Path.DirectorySeparatorChar}", file, StringComparison.Ordinal);
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (ClassifierEvaluation.ParseLine(line, number, out _) is not { } example)
                {
                    continue;
                }

                var view = example.View;
                foreach (var text in new[] { view.UserText, view.SystemText, view.ToolResultText, view.LastUserText, view.FirstUserText })
                {
                    texts++;
                    sensitive += SameVerdict(text, $"{Path.GetFileName(file)}:{number}") ? 1 : 0;
                    SameVerdict(text[(text.Length / 2)..], $"{Path.GetFileName(file)}:{number} (second half)");
                }
            }
        }

        Assert.True(texts > 10_000, $"{texts} texts");
        Assert.True(sensitive > 300, $"{sensitive} sensitive texts: the comparison must see secrets too");
    }

    [Fact]
    public void GeneratedTexts_SameVerdict()
    {
        // Triggers in every case, joined by connectors, values, digits, separators and characters whose case folds
        // are special (dotless i, long s, Kelvin sign, sharp s): where a cheaper search would most likely go wrong.
        string[] pieces =
        [
            "password", "PassWord", "pwd", "PIN", "pin", "code", "Gate code", "key", "apiKey", "DB_PASS", "token", "secret", "sk-",
            "ghp_", "AKIA", "eyJ", "bearer ", "://", "passport", "SSN", "ssn", "iban", "пароль", "Пароль", "ПАРОЛЬ", "密码", "暗証番号",
            "contraseña", "CONTRASEÑA", "sécurité sociale", "Sécurité Sociale", "şifre", "Şifre", "kod", "код", "wifi", "tan", "TAN",
            "ſk-", "\u212Aey", "PİN", "pın", "ß", "é", " is ", ": ", "=", " = ", "==", " ist ", "\n", "? ", ". ", ", ", "'", "\"",
            "4821", "1234 5678 9012 3456", "4111111111111111", "078-05-1120", "DE89 3704 0044 0532 0130 00", "Rosewood1987",
            "Marigold!84", "Limoncello_42", "abc", "x", "-", "_", "Tulip88", "A7BX-99QZ", "zz", "the", "my", "router", " ",
        ];
        var random = new Random(20261205);
        var text = new StringBuilder();
        for (var n = 0; n < 20_000; n++)
        {
            text.Clear();
            var count = random.Next(1, 12);
            for (var i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            SameVerdict(text.ToString(), $"generated #{n}");
        }
    }

    [Fact]
    public void LongGeneratedTexts_SameVerdict()
    {
        // The ASCII sieve reads four and eight characters at a time: pieces in runs of ASCII prose of every length, with
        // non-ASCII characters and the text's end right after a trigger, where a window would reach past the run.
        string[] pieces =
        [
            "password", "PASSWORD", "pwd", "pw", "Pw: ", "PIN", "code", "key", "token", "secret", "sk-", "ghp_", "AKIA", "eyJ", "bearer ", "://",
            "passport", "ssn", "iban", "пароль", "密码", "contraseña", "şifre", "ſk-", "\u212Aey", "PİN", "é", "ß", " is ", ": ", "=", "\n", ". ",
            "4821", "1234 5678 9012 3456", "078-05-1120", "Rosewood1987", "Marigold!84", "the safe", "the forecast", "portkod", "report",
            "Routerpasswort", "tan", "TAN", "nueve-", "un-", "the", "router", "x",
        ];
        const string prose = "The quarterly report lists revenue by region, churn by cohort and the forecast for next year. ";
        var random = new Random(20261206);
        var text = new StringBuilder();
        for (var n = 0; n < 3_000; n++)
        {
            text.Clear();
            var count = random.Next(1, 8);
            for (var i = 0; i < count; i++)
            {
                text.Append(prose, 0, random.Next(prose.Length));
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            SameVerdict(text.ToString(), $"long generated #{n}");
        }
    }

    [Fact]
    public void AsciiSieve_PassesEveryTriggerStart()
    {
        // Every trigger of both lists whose characters are ASCII (or fold to it), in three cases, followed by ASCII text
        // long and short (the run ending one to seven characters after the start), at every offset of a four-character
        // window: where the trigger starts, the sieve must pass.
        var triggers = SensitiveScanner.TriggerWords.Concat(SecretPhrases.TriggerPhrases).Distinct(StringComparer.Ordinal).ToList();
        var read = 0;
        foreach (var trigger in triggers)
        {
            foreach (var written in new[] { trigger, trigger.ToUpperInvariant(), trigger.ToLowerInvariant() })
            {
                foreach (var after in new[] { " is 4821 and the rest of the sentence.", "", "x", "xyz1234", ": ab", "=Q" })
                {
                    var text = "Note: " + written + after;
                    var at = 6;
                    var end = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007f') is var run and >= 0 ? run : text.Length;
                    if (at + 4 > end)
                    {
                        continue;
                    }

                    read++;
                    Assert.True(SensitivePrefilter.AsciiMayStart(text, at, end), $"'{written}' in \"{text}\"");
                }
            }
        }

        Assert.True(read > 5_000, $"{read} starts read");
    }

    [Fact]
    public void AsciiSieve_VectorStep_AgreesWithTheScalarTest()
    {
        // The AVX2 step tests eight windows at once from sixteen characters narrowed to bytes: on prose, triggers in every
        // case and every printable ASCII character, its bits must be the scalar test's (which the test above checks passes
        // every trigger's start), or the scan would skip a position the scalar sieve reads.
        var triggers = SensitiveScanner.TriggerWords.Concat(SecretPhrases.TriggerPhrases).Where(t => !t.AsSpan().ContainsAnyExceptInRange('\0', '\u007f')).ToList();
        var random = new Random(20261206);
        var text = new StringBuilder();
        var passed = 0;
        for (var n = 0; n < 2_000; n++)
        {
            text.Clear();
            while (text.Length < 64)
            {
                var trigger = triggers[random.Next(triggers.Count)];
                text.Append(random.Next(4) switch
                {
                    0 => trigger.ToUpperInvariant(),
                    1 => "the forecast for next year, ",
                    2 => (char)random.Next(32, 127),
                    _ => trigger,
                });
            }

            var s = text.ToString();
            for (var j = 0; j + 16 <= s.Length; j++)
            {
                var (vector, scalar) = SensitivePrefilter.QuadMasks(s, j);
                Assert.True(vector is null || vector == scalar, $"at {j} of \"{s}\": vector {vector:X2}, scalar {scalar:X2}");
                passed += BitOperations.PopCount(scalar);
            }
        }

        Assert.True(passed > 10_000, $"{passed} windows passed");
    }

    [Fact]
    public void CharactersEqualIgnoringCase_FoldAlike()
    {
        // Every character that appears in a trigger, against every UTF-16 code unit: equal under OrdinalIgnoreCase
        // (the rules' comparison) means the same fold, or the prefilter could pass over a trigger written that way.
        AssertFoldAlike(SensitiveScanner.TriggerWords.Concat(SecretPhrases.TriggerPhrases).SelectMany(t => t).Distinct());
    }

    /// <summary>Each of <paramref name="chars"/> against every UTF-16 code unit: equal under OrdinalIgnoreCase means the same fold.</summary>
    internal static void AssertFoldAlike(IEnumerable<char> chars)
    {
        foreach (var d in chars)
        {
            foreach (var c in EqualUnderIgnoreCase(d))
            {
                Assert.True(SensitivePrefilter.FoldOf(c) == SensitivePrefilter.FoldOf(d), $"U+{(int)c:X4} and '{d}'");
            }
        }
    }

    /// <summary>Every UTF-16 code unit equal to <paramref name="d"/> under OrdinalIgnoreCase, <paramref name="d"/> itself included.</summary>
    internal static List<char> EqualUnderIgnoreCase(char d)
    {
        var equal = new List<char>();
        Span<char> one = stackalloc char[1];
        Span<char> other = [d];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            if (((ReadOnlySpan<char>)one).Equals(other, StringComparison.OrdinalIgnoreCase))
            {
                equal.Add((char)c);
            }
        }

        return equal;
    }

    [Fact]
    public void LongProseWithOneSecretAtTheEnd_IsFound()
    {
        var text = string.Concat(Enumerable.Repeat("The quarterly report lists revenue by region and the forecast. ", 1_300)) + "My PIN is 4821.";
        Assert.Equal(SensitiveKind.Password, SensitivePrefilter.Scan(text));
        Assert.Equal(SensitiveKind.None, SensitivePrefilter.Scan(text.AsSpan(0, text.Length - 15)));
    }

    private static bool SameVerdict(string text, string where)
    {
        var full = SensitiveScanner.Scan(text);
        Assert.True(full == SensitivePrefilter.Scan(text), $"{where}: full scan {full}, prefiltered {SensitivePrefilter.Scan(text)}");
        Assert.True(SecretPhrases.Contains(text) == SensitivePrefilter.ContainsPhrase(text), $"{where}: secret phrases differ");
        Assert.True(SecretPhrases.PasswordShaped(text) == SensitivePrefilter.PasswordShaped(text), $"{where}: password-shaped differs");
        return full != SensitiveKind.None;
    }
}
