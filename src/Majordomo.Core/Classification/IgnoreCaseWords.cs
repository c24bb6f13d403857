using System.Text;

namespace Majordomo.Classification;

/// <summary>
/// A word list the rules search for with OrdinalIgnoreCase, and the part of it an ASCII text can hold. A word with a character
/// no ASCII character equals under OrdinalIgnoreCase ("päättyy", "尾号"; not "endet auf") matches nowhere in ASCII text, and its
/// search there is the slow one (the runtime's non-ASCII casing compares every position character by character). Leaving such
/// words out for an ASCII text keeps the answer of any loop that looks for the words in order (issue 16 item 4: code dense in
/// "key" and "token" runs a masked-value check at every hit).
/// </summary>
internal sealed class IgnoreCaseWords
{
    // Every ASCII character, to ask OrdinalIgnoreCase itself which characters an ASCII text may match.
    private const string AsciiChars =
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f" +
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007f";

    private readonly string[] _all;
    private readonly string[] _ascii;

    public IgnoreCaseWords(string[] words)
    {
        _all = words;
        _ascii = [.. words.Where(MayMatchAscii)];
    }

    /// <summary>The words, in their order, that may match in <paramref name="text"/>: all of them, or for ASCII text those it can hold.</summary>
    public string[] For(ReadOnlySpan<char> text) => Ascii.IsValid(text) ? _ascii : _all;

    // A character OrdinalIgnoreCase equals to no ASCII character cannot match inside ASCII text (the compare is one character
    // to one: no expansions).
    internal static bool MayMatchAscii(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAscii(c) && AsciiChars.AsSpan().IndexOf([c], StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
