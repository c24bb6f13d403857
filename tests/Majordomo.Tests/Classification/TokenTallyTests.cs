using System.Globalization;
using System.Text;
using Majordomo.Chat;
using Xunit.Abstractions;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Real token counts: exact with o200k up to <see cref="TokenTally.ExactChars"/>, a character-class estimate
/// beyond, whose weights are refitted here (so they are reproducible) and whose error is measured on text
/// it was not fitted on. Run: dotnet test tests/Majordomo.Tests --filter TokenTallyTests --logger "console;verbosity=detailed"
/// </summary>
public class TokenTallyTests(ITestOutputHelper output)
{
    [Fact]
    public void ShortText_IsCountedExactly_WithO200k()
    {
        // o200k splits "Hello, world!" into Hello | , | ␠world | ! ; and CJK runs about one token per one or
        // two characters, where a 4-characters-a-token guess says 3 for these 10.
        Assert.Equal(4, TokenTally.CountExact("Hello, world!"));
        var tally = new TokenTally();
        tally.Add("今日は良い天気ですね");
        Assert.True(tally.IsExact);
        Assert.Equal(TokenTally.CountExact("今日は良い天気ですね"), tally.Tokens);
        Assert.True(tally.Tokens >= 5, $"CJK counted as {tally.Tokens} tokens");
    }

    [Fact]
    public void VectorFeatures_CountAsTheScalarPass()
    {
        // Every length around the vector width, every class, and letter runs across the vectors' seams.
        var random = new Random(16);
        string[] pieces = ["a", "Z", "word", "7", "\n", " ", "\t", "\r", ".", "{", "é", "Ж", "中", "語", "\ud83d\ude00", "\ud800", "\udc00", "\u2e80", "\u2e7f", "\uffff", "\u007f", "\u0080"];
        Span<double> vector = stackalloc double[TokenTally.FeatureCount];
        Span<double> scalar = stackalloc double[TokenTally.FeatureCount];
        for (var round = 0; round < 3_000; round++)
        {
            var text = new StringBuilder();
            var length = round < 200 ? round : random.Next(1, 3_000);
            while (text.Length < length)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            TokenTally.Features(text.ToString(), vector);
            TokenTally.ScalarFeatures(text.ToString(), scalar);
            Assert.Equal(scalar.ToArray(), vector.ToArray());
        }
    }

    [Fact]
    public void PromptView_UsesTheTokenizer_ForMessageText()
    {
        var text = "Refactor this: " + string.Concat(Enumerable.Repeat("fn(a,b)=>{x[i]++;}\n", 20));
        var body = Encoding.UTF8.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}]}");
        var view = PromptView.Parse(body, PromptView.OpenAIProtocol);

        // One message: its text plus 4 tokens of framing.
        Assert.Equal(TokenTally.CountExact(text) + 4, view.EstimatedPromptTokens);
    }

    [Fact]
    public void LongText_IsCountedUpToTheLimit_AndEstimatedBeyond()
    {
        var chunk = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 400));
        var tally = new TokenTally();
        tally.Add(chunk.AsSpan(0, 600));
        tally.Add(chunk.AsSpan(600));
        Assert.False(tally.IsExact);
        Assert.Equal(chunk.Length, tally.Chars);
        var exact = TokenTally.CountExact(chunk);
        Assert.InRange(tally.Tokens, exact * 0.9, exact * 1.1);
    }

    [Fact]
    public void LongRequest_IsEstimatedThroughout_WithinTenPercent()
    {
        // Past TokenTally.CountedUpTo characters the exact head is skipped (it cost a 20k-token prompt's decision more
        // than the rest of its count): the estimate alone, still within the fitted error of the tokenizer's count.
        var text = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog, and the report lists revenue by region. ", 250));
        Assert.True(text.Length > TokenTally.CountedUpTo);
        var body = Encoding.UTF8.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}]}");
        using var view = PromptView.Parse(body, PromptView.OpenAIProtocol);

        Assert.Equal((long)Math.Ceiling(TokenTally.Estimate(text)) + 4, view.EstimatedPromptTokens);
        var exact = TokenTally.CountExact(text);
        Assert.InRange(view.EstimatedPromptTokens, exact * 0.9, exact * 1.1);
    }

    /// <summary>The shipped weights are the least-squares fit on parts A and B with seed 7: refit and compare.</summary>
    [Fact]
    public void Weights_AreReproducedByTheFit()
    {
        var fitted = Fit(Text("A") + "\n\n" + Text("B"), seed: 7, windows: 3000);
        output.WriteLine("fitted: " + string.Join(", ", fitted.Select(w => w.ToString("F4", CultureInfo.InvariantCulture))));
        for (var i = 0; i < TokenTally.FeatureCount; i++)
        {
            Assert.Equal(TokenTally.Weights[i], fitted[i], 3);
        }
    }

    /// <summary>The estimate's error: on windows of the text it was fitted on (A+B) and of part C, which it was not.</summary>
    [Fact]
    public void Estimate_Error_IsMeasured()
    {
        var heldOut = Error(Text("C"), new Random(11), 300, 200, 2000);
        var fitted = Error(Text("A") + "\n\n" + Text("B"), new Random(11), 300, 200, 2000);
        var whole = Error(string.Join("\n\n", Text("A"), Text("B"), Text("C")), new Random(13), 60, 8000, 40000);
        output.WriteLine($"estimate, windows 200-2,000 chars of A+B (fitted on): {fitted}");
        output.WriteLine($"estimate, windows 200-2,000 chars of C (held out):     {heldOut}");
        output.WriteLine($"TokenTally, windows 8,000-40,000 chars of A+B+C:       {whole}");
        Assert.True(heldOut.Mean < 0.08, $"held-out mean error {heldOut.Mean:P1}");
        Assert.True(whole.Mean < 0.08, $"long-window mean error {whole.Mean:P1}");
    }

    private readonly record struct Errors(double Mean, double P90, double Max)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mean |error| {Mean:P1}, p90 {P90:P1}, max {Max:P1}");
    }

    private static Errors Error(string text, Random random, int windows, int min, int max)
    {
        var errors = new List<double>();
        for (var n = 0; n < windows; n++)
        {
            var length = Math.Min(text.Length - 1, random.Next(min, max));
            var window = text.AsSpan(random.Next(0, text.Length - length), length);
            var tally = new TokenTally();
            tally.Add(window);
            var estimate = length > TokenTally.ExactChars ? tally.Tokens : TokenTally.Estimate(window);
            var exact = TokenTally.CountExact(window);
            errors.Add(Math.Abs(estimate - exact) / exact);
        }

        errors.Sort();
        return new Errors(errors.Average(), errors[(int)(errors.Count * 0.9)], errors[^1]);
    }

    private static string Text(string half) => string.Join("\n\n", DevSet.Load().Where(e => e.Half == half)
        .Select(e => e.View.SystemText + "\n" + e.View.UserText + "\n" + e.View.ToolResultText));

    /// <summary>Least squares over random windows; emoji (the last feature) are held at 1 token each.</summary>
    private static double[] Fit(string text, int seed, int windows)
    {
        const int n = TokenTally.FeatureCount - 1;
        var random = new Random(seed);
        var system = new double[n, n + 1];
        Span<double> f = stackalloc double[TokenTally.FeatureCount];
        for (var w = 0; w < windows; w++)
        {
            var length = random.Next(200, 2000);
            var window = text.AsSpan(random.Next(0, text.Length - length), length);
            TokenTally.Features(window, f);
            var y = TokenTally.CountExact(window) - f[n];
            for (var i = 0; i < n; i++)
            {
                system[i, n] += f[i] * y;
                for (var j = 0; j < n; j++)
                {
                    system[i, j] += f[i] * f[j];
                }
            }
        }

        for (var c = 0; c < n; c++)
        {
            system[c, c] += 1e-3;
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                pivot = Math.Abs(system[r, c]) > Math.Abs(system[pivot, c]) ? r : pivot;
            }

            for (var j = 0; j <= n; j++)
            {
                (system[c, j], system[pivot, j]) = (system[pivot, j], system[c, j]);
            }

            for (var r = 0; r < n; r++)
            {
                var m = r == c ? 0 : system[r, c] / system[c, c];
                for (var j = 0; j <= n; j++)
                {
                    system[r, j] -= m * system[c, j];
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => Math.Round(system[i, n] / system[i, i], 4)), 1.0];
    }
}
