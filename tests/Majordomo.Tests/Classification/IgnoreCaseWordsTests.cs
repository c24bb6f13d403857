using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// <see cref="IgnoreCaseWords"/> leaves a word out for ASCII text only when OrdinalIgnoreCase could not find it there, so a loop
/// over <see cref="IgnoreCaseWords.For"/> finds what a loop over every word finds.
/// </summary>
public class IgnoreCaseWordsTests
{
    private static readonly string[] Words = ["ending in", "päättyy", "末尾", "endet auf", "slutar på", "ENDING"];

    [Fact]
    public void For_AsciiText_LeavesOutTheWordsItCannotHold()
    {
        var words = new IgnoreCaseWords(Words);

        Assert.Equal(["ending in", "endet auf", "ENDING"], words.For("card ending in 4471, paattyy 2051, slutar pa 8812"));
        Assert.Equal(Words, words.For("kortti päättyy 2051"));
    }

    [Fact]
    public void For_AnyText_KeepsEveryWordOrdinalIgnoreCaseFinds()
    {
        var words = new IgnoreCaseWords(Words);
        string[] texts =
        [
            "card ENDING IN 4471", "PAATTYY 2051", "Slutar Pa 8812", "slutar på 8812", "konto endet auf 2051", "尾号 末尾 6621", "",
            "ending", "endinG iN", "päättyy",
        ];
        foreach (var text in texts)
        {
            var kept = words.For(text);
            foreach (var word in Words)
            {
                if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Contains(word, kept);
                }
            }
        }
    }

    [Fact]
    public void EveryCodeUnit_LeftOutExactlyWhenNoAsciiCharacterEqualsIt()
    {
        // Checked with Equals, not the IndexOf the class asks: the same comparer by another door.
        var ascii = Enumerable.Range(0, 128).Select(a => ((char)a).ToString()).ToArray();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var one = ((char)c).ToString();
            var equalsAscii = ascii.Any(a => string.Equals(a, one, StringComparison.OrdinalIgnoreCase));
            Assert.True(equalsAscii == IgnoreCaseWords.MayMatchAscii(one), $"U+{c:X4}");
        }
    }
}
