namespace Majordomo.Classification;

/// <summary>
/// Every place a word occurs in a text, left to right (<c>foreach (var at in SecretPhrases.Occurrences(text, word))</c>): the one
/// loop the rules used to write out each time they read each occurrence of a word (a guard that takes some occurrences back and
/// not others). A <c>ref struct</c>: no allocation.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>The start of each occurrence of <paramref name="word"/> in <paramref name="text"/> (overlapping ones too).</summary>
    internal static WordOccurrences Occurrences(ReadOnlySpan<char> text, ReadOnlySpan<char> word, StringComparison comparison = StringComparison.OrdinalIgnoreCase) =>
        new(text, word, comparison);

    /// <summary>Whether the <paramref name="length"/> characters at <paramref name="at"/> are a whole word: no letter or digit on either side.</summary>
    internal static bool WholeWordAt(ReadOnlySpan<char> text, int at, int length) =>
        (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + length >= text.Length || !char.IsLetterOrDigit(text[at + length]));

    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="text"/> as a whole word (<see cref="WholeWordAt"/>).</summary>
    internal static bool WholeWordIn(ReadOnlySpan<char> text, ReadOnlySpan<char> word, StringComparison comparison = StringComparison.OrdinalIgnoreCase)
    {
        foreach (var at in Occurrences(text, word, comparison))
        {
            if (WholeWordAt(text, at, word.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The enumerator <see cref="Occurrences"/> returns (its own enumerable, for <c>foreach</c>).</summary>
    internal ref struct WordOccurrences(ReadOnlySpan<char> text, ReadOnlySpan<char> word, StringComparison comparison)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly ReadOnlySpan<char> _word = word;
        private int _next;

        /// <summary>The start of the current occurrence.</summary>
        public int Current { get; private set; } = -1;

        public readonly WordOccurrences GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_word.IsEmpty || _next > _text.Length - _word.Length)
            {
                return false;
            }

            var hit = _text[_next..].IndexOf(_word, comparison);
            if (hit < 0)
            {
                _next = _text.Length;
                return false;
            }

            Current = _next + hit;
            _next = Current + 1;
            return true;
        }
    }
}
