using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// <see cref="FoldedWords"/> keeps, for a place, the words whose first character folds like the place's, in their order: a loop over
/// <see cref="FoldedWords.At"/> finds the first word <c>StartsWith(…, OrdinalIgnoreCase)</c> finds over the whole list.
/// </summary>
public class FoldedWordsTests
{
    private static readonly string[] Words = ["mine is", "Mine's", "мой —", "kelvin", "ſecret", "ıd", "İd", "発件人", "ｆｕｌｌ", "mine"];

    [Fact]
    public void At_FindsTheFirstMatchOfTheWholeList()
    {
        var words = new FoldedWords(Words);
        string[] texts =
        [
            "MINE IS 5488", "mine's 77", "Mine", "МОЙ — 4471", "KELVIN 3", "\u212Aelvin 3", "SECRET", "ſecret", "ID 42", "id 42", "İD", "ıd",
            "発件人: a", "ＦＵＬＬ", "full", "x mine is", "", "m",
        ];
        foreach (var text in texts)
        {
            Assert.Equal(FirstOf(Words, text), FirstOf(words.At(text), text));
        }
    }

    [Fact]
    public void At_KeepsTheListsOrder_AndOnlyWordsOfTheSameFold()
    {
        var words = new FoldedWords(Words);

        Assert.Equal(["mine is", "Mine's", "mine"], words.At("mINE").ToArray());
        Assert.Empty(words.At("zebra").ToArray());
        Assert.Empty(words.At([]).ToArray());
    }

    [Fact]
    public void EmptyWord_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new FoldedWords(["a", ""]));
    }

    [Fact]
    public void ListsReadByFirstCharacter_FoldAsOrdinalIgnoreCaseCompares()
    {
        // Every first character of the lists the rules read through FoldedWords, against every UTF-16 code unit: equal under
        // OrdinalIgnoreCase means the same fold, or a word written with the other character would be left out of its bucket.
        var firsts = SecretPhrases.FoldedWordLists.Select(w => w[0]).Distinct().ToArray();
        Assert.NotEmpty(firsts);
        SensitivePrefilterTests.AssertFoldAlike(firsts);
    }

    [Fact]
    public void MailHeaderNeeds_NoOtherCharacterEqualsThem()
    {
        // BeforeMailHeader reads a text through at once when it holds none of these: each must equal no other UTF-16 unit under
        // OrdinalIgnoreCase, or a header written with that other character would be missed.
        var needs = SecretPhrases.MailHeaderNeeds.ToArray();
        Assert.Contains(':', needs);
        foreach (var need in needs)
        {
            Assert.Equal([need], SensitivePrefilterTests.EqualUnderIgnoreCase(need));
        }
    }

    [Theory]
    [InlineData("the key, then\nFrom: Ana", "the key, then\n")]
    [InlineData("the key, then\n发件人 Ana", "the key, then\n")]
    [InlineData("the key, then\nnothing here", "the key, then\nnothing here")]
    [InlineData("the key, then: nothing here", "the key, then: nothing here")]
    public void BeforeMailHeader_CutsAtTheFirstHeaderLine(string text, string expected)
    {
        Assert.Equal(expected, SecretPhrases.BeforeMailHeader(text).ToString());
    }

    private static string? FirstOf(ReadOnlySpan<string> words, string text)
    {
        foreach (var word in words)
        {
            if (text.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return word;
            }
        }

        return null;
    }
}
