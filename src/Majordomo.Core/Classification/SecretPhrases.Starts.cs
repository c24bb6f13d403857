using System.Collections.Frozen;

namespace Majordomo.Classification;

internal static partial class SecretPhrases
{
    /// <summary>
    /// The phrases of <see cref="Phrases"/> that may start at <paramref name="rest"/>'s first character, in their order: those
    /// whose first two characters fold like its first two (<see cref="SensitivePrefilter.FoldOf"/>; characters equal under
    /// OrdinalIgnoreCase fold alike). <see cref="Check"/> compared all ~2,000 at every trigger's hit; a phrase left out here
    /// could not pass its <c>StartsWith</c>, so the answer is the same (issue 16 item 4: text dense in "key", "token", "pin").
    /// </summary>
    private static ReadOnlySpan<(string Phrase, Want Want)> PhrasesAt(ReadOnlySpan<char> rest) =>
        rest.Length < 2 ? [] : PhraseStarts.ByStart.GetValueOrDefault(PhraseStarts.Key(rest[0], rest[1]), []);

    // In a class of their own: built on the first check, once SecretPhrases and SensitivePrefilter have initialised.
    private static class PhraseStarts
    {
        internal static readonly FrozenDictionary<int, (string Phrase, Want Want)[]> ByStart = Phrases
            .Where(p => p.Phrase.Length >= 2)
            .GroupBy(p => Key(p.Phrase[0], p.Phrase[1]))
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());

        internal static int Key(char first, char second) => SensitivePrefilter.FoldOf(first) | (SensitivePrefilter.FoldOf(second) << 8);

        static PhraseStarts()
        {
            // A phrase of one character would be in no bucket: the prefilter refuses such triggers too.
            if (Phrases.Any(p => p.Phrase.Length < 2))
            {
                throw new InvalidOperationException("a secret phrase has fewer than two characters");
            }
        }
    }
}
