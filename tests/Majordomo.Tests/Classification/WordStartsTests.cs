using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// <see cref="WordStarts"/> is a filter before the rules' own compares: wherever a word of its list starts
/// (<c>StartsWith(…, OrdinalIgnoreCase)</c>) it must pass, or a rule asked behind it would lose a match.
/// </summary>
public class WordStartsTests
{
    private static readonly string[] Words = ["security question", "badge", "ſecret", "ıd", "İd", "工卡", "社員証", ":::", "kelvin", "ﬁle", "ssn"];

    [Fact]
    public void MayStart_PassesWhereverAWordStarts()
    {
        var starts = new WordStarts(Words);
        var random = new Random(25);
        var pieces = Words.SelectMany(w => new[] { w, w.ToUpperInvariant(), w.ToLowerInvariant(), w[..2], w[1..] })
            .Concat(["key, ", "token)", "session ", "SECRET", "secret", "\u212Aelvin", "ID", "id", "i̇d", " ", "\n", "ß", "\uD801\uDC00"]).ToArray();
        var checkedStarts = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            for (var at = 0; at < text.Length; at++)
            {
                var rest = text.AsSpan(at);
                var starts0 = false;
                foreach (var word in Words)
                {
                    starts0 |= rest.StartsWith(word, StringComparison.OrdinalIgnoreCase);
                }

                if (starts0)
                {
                    checkedStarts++;
                    Assert.True(starts.MayStart(rest), $"'{text}' at {at}");
                }
            }
        }

        Assert.True(checkedStarts > 1_000);
    }

    [Theory]
    [InlineData("key, CancellationToken")]
    [InlineData("token)")]
    [InlineData("session cache")]
    [InlineData("工")]
    [InlineData("")]
    public void MayStart_TurnsAwayWhatNoWordStarts(string rest)
    {
        Assert.False(new WordStarts(Words).MayStart(rest));
    }

    [Fact]
    public void ShortWordOrSurrogate_IsRefused()
    {
        // Built here: a test case's lone surrogate does not survive the runner's serialisation.
        foreach (var word in new[] { "a", "\uD801\uDC00x", "ab\uDC00" })
        {
            Assert.Throws<ArgumentException>(() => new WordStarts(["badge", word]));
        }
    }

    [Fact]
    public void ListsReadThroughWordStarts_FoldAsOrdinalIgnoreCaseCompares()
    {
        // Their first three characters against every UTF-16 code unit: equal under OrdinalIgnoreCase means the same fold, or a word
        // written with the other character would be turned away.
        var heads = SecretPhrases.WordStartsLists.SelectMany(w => w.Take(3)).Distinct().ToArray();
        Assert.Contains('s', heads);
        SensitivePrefilterTests.AssertFoldAlike(heads);
    }

    [Fact]
    public void ContractNoun_AnswersAsTheListsOwnCompare()
    {
        // The gate before the list's compare: every trigger phrase (and the nouns in other cases) gets the answer an exact
        // search of the ten nouns gives.
        string[] contracts = ["contrat", "contrato", "contratto", "contract", "vertrag", "umowy", "umowa", "posizione", "sözleşme", "contractnummer"];
        foreach (var phrase in SecretPhrases.TriggerPhrases.Concat(contracts).Concat(contracts.Select(c => c.ToUpperInvariant())).Append("c").Append(""))
        {
            Assert.Equal(Array.IndexOf(contracts, phrase) >= 0, SecretPhrases.ContractNoun(phrase));
        }

        Assert.All(contracts, c => Assert.True(SecretPhrases.ContractNoun(c)));
    }
}
