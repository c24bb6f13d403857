namespace Majordomo.Classification;

/// <summary>
/// Mobile-money accounts (after the probe <c>sensitive-lookalikes-24</c>, docs/CLASSIFIER.md "Probe 24 read by category"): the
/// wallet of GCash, M-Pesa, bKash, Nagad, JazzCash, Easypaisa, telebirr, MTN MoMo, Kaspi, DANA… is its holder's mobile number, so a
/// phone-shaped number told after the wallet's name is an account ("sa GCash ko 0917 482 6351", "নগদ নম্বর 01918-472630"). A
/// business's number to pay it (a paybill, a till, a merchant's or an agent's number) and the wallet's hotline are public.
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases.
    private static (string Phrase, Want Want)[] WalletPhrases() =>
    [
        ("gcash", Want.Wallet), ("paymaya", Want.Wallet), ("m-pesa", Want.Wallet), ("mpesa", Want.Wallet), ("m pesa", Want.Wallet), ("bkash", Want.Wallet),
        ("বিকাশ", Want.Wallet), ("nagad", Want.Wallet), ("নগদ", Want.Wallet), ("jazzcash", Want.Wallet), ("jazz cash", Want.Wallet), ("جاز کیش", Want.Wallet),
        ("easypaisa", Want.Wallet), ("ایزی پیسہ", Want.Wallet), ("telebirr", Want.Wallet), ("ቴሌብር", Want.Wallet), ("momo", Want.Wallet),
        ("mobile money", Want.Wallet), ("airtel money", Want.Wallet), ("orange money", Want.Wallet), ("kaspi", Want.Wallet), ("каспи", Want.Wallet),
        ("gopay", Want.Wallet), ("ovo", Want.Wallet), ("dana", Want.Wallet), ("shopeepay", Want.Wallet), ("e-wallet", Want.Wallet), ("ewallet", Want.Wallet),
        ("opay", Want.Wallet), ("palmpay", Want.Wallet), ("zalopay", Want.Wallet),
    ];

    // A business's number to pay it, or the wallet's own line: the number near them is public.
    private static readonly string[] WalletBusinessWords =
    [
        "paybill", "pay bill", "till", "buy goods", "merchant", "agent", "biller", "business", "hotline", "helpline", "customer care", "customer service",
        "lipa na", "lipa kwa", "duka", "huduma", "shop", "store", "tindahan", "kedai", "toko", "cửa hàng", "ہیلپ", "ہیلپ لائن", "হেল্পলাইন", "মার্চেন্ট",
        "এজেন্ট", "ኤጀንት", "мерчант", "магазин",
    ];

    /// <summary>
    /// A phone-shaped number in the wallet's sentence after its name ending at <paramref name="end"/> (nine to thirteen digits in
    /// groups, starting with 0, '+' or a Kazakh 8 7…), with no business's or hotline's word in that sentence.
    /// </summary>
    private static bool WalletNumber(ReadOnlySpan<char> text, int at, int end)
    {
        // DANA and OVO are a name and a word too: the wallets only in their capitals.
        var name = text[at..end];
        if ((name.Equals("dana", StringComparison.OrdinalIgnoreCase) || name.Equals("ovo", StringComparison.OrdinalIgnoreCase)) && name.ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 80)];
        window = window[..SentenceEnd(window)];
        var line = text[Math.Max(0, at - 60)..at];
        line = line[(line.LastIndexOfAny(".!?\n\r") + 1)..];
        foreach (var word in WalletBusinessWords)
        {
            if (window.Contains(word, StringComparison.OrdinalIgnoreCase) || line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        for (var i = window.IndexOfAnyInRange('0', '9'); i >= 0 && i < window.Length;)
        {
            var start = i;
            var digits = 0;
            while (i < window.Length && (char.IsAsciiDigit(window[i]) || (window[i] is ' ' or '-' && i + 1 < window.Length && char.IsAsciiDigit(window[i + 1]) && digits > 0)))
            {
                digits += char.IsAsciiDigit(window[i]) ? 1 : 0;
                i++;
            }

            var glued = (start > 0 && char.IsLetterOrDigit(window[start - 1])) || (i < window.Length && char.IsLetter(window[i]));
            var phoneStart = window[start] == '0' || (start > 0 && window[start - 1] == '+') || (window[start] == '8' && digits == 11);
            // A fixture's '0700000003': five of one digit in a row is no one's line.
            var filler = window[start..i].Contains("00000", StringComparison.Ordinal);
            if (!glued && phoneStart && !filler && digits is >= 9 and <= 13)
            {
                return true;
            }

            var next = window[i..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + next;
        }

        return false;
    }
}
