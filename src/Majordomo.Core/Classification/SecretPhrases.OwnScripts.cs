namespace Majordomo.Classification;

/// <summary>
/// Public numbers written in the scripts and calendars of probe 39 (docs/CLASSIFIER.md "Probe 39 read by category"): a year of the
/// solar Hijri, lunar Hijri, Buddhist, Bikram Sambat, Bengali or Ethiopian calendar named by its month or its era ("آذر ۱۴۰۴",
/// "พ.ศ. ๒๕๖๙", "वि.सं. २०८२", "১৪৩২ বঙ্গাব্দ"), and a helpline or contact number whose call verb follows it, as the verb-final
/// languages write it ("১৬২৩৪ নম্বরে যোগাযোগ করুন", "१९३० हेल्पलाइन"). Both are read on the copy whose digits are ASCII.
/// </summary>
internal static partial class SecretPhrases
{
    // Month names of the calendars above (Persian, Arabic Hijri, Thai, Nepali, Bengali, Ethiopic), and the eras written before a year.
    private static readonly string[] CalendarMonths =
    [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
        "محرم", "صفر", "ربيع", "ربیع", "جمادى", "جمادی", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة", "ذی‌القعده", "ذی‌الحجه",
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
        "बैशाख", "वैशाख", "जेठ", "असार", "साउन", "श्रावण", "भदौ", "असोज", "कात्तिक", "मंसिर", "पुस", "पौष", "माघ", "फागुन", "चैत",
        "বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন", "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র",
        "መስከረም", "ጥቅምት", "ኅዳር", "ህዳር", "ታኅሣሥ", "ታህሳስ", "ጥር", "የካቲት", "መጋቢት", "ሚያዝያ", "ግንቦት", "ሰኔ", "ሐምሌ", "ነሐሴ", "ጳጉሜ",
        "พ.ศ.", "พ.ศ", "ค.ศ.", "वि.सं.", "वि. सं.", "बि.सं.", "सन्", "সন", "ه.ش", "ه.ق", "سال", "عام",
    ];

    // Eras and year nouns written after a year.
    private static readonly string[] CalendarEras =
        ["هـ", "ه.ش", "ه‍.ش", "هجري", "هجری", "شمسی", "قمری", "ش", "ق", "বঙ্গাব্দ", "সাল", "ዓ.ም", "ዓ/ም", "साल", "ปี", "ཕྱི་ལོ", "ལོ"];

    /// <summary>
    /// The four digits at <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/> are a year of these calendars:
    /// a month name or an era ends within the 12 characters before it (a day's number may stand between: "۲۳ مهر ۱۴۰۴"), or an era
    /// follows it.
    /// </summary>
    internal static bool CalendarYear(ReadOnlySpan<char> text, int start, int end)
    {
        if (end - start != 4 || start > 0 && char.IsAsciiDigit(text[start - 1]) || end < text.Length && char.IsAsciiDigit(text[end]))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 12)..start].TrimEnd(" \u200c/-");
        var after = text[end..Math.Min(text.Length, end + 12)].TrimStart(" ");
        foreach (var month in CalendarMonths)
        {
            if (before.EndsWith(month, StringComparison.Ordinal) && (before.Length == month.Length || !char.IsLetter(before[^(month.Length + 1)])))
            {
                return true;
            }
        }

        foreach (var era in CalendarEras)
        {
            if (after.StartsWith(era, StringComparison.Ordinal) && (after.Length == era.Length || !char.IsLetter(after[era.Length])))
            {
                return true;
            }
        }

        return false;
    }

    // Call and contact words of the verb-final languages, written after the number they name.
    private static readonly string[] CallWordsAfter =
    [
        "নম্বরে", "হেল্পলাইন", "যোগাযোগ", "नंबर पर", "नम्बर पर", "नम्बरमा", "हेल्पलाइन", "हेल्पलाईन", "पर कॉल", "पर संपर्क", "संपर्क करें",
        "ہیلپ لائن", "پر کال", "پر رابطہ", "تماس بگیرید", "تماس", "ਹੈਲਪਲਾਈਨ", "ਤੇ ਕਾਲ", "ஹெல்ப்லைன்", "எண்ணில் அழை", "ಸಹಾಯವಾಣಿ", "హెల్ప్‌లైన్",
        "ഹെൽപ്‌ലൈൻ", "ໂທ", "ສາຍດ່ວນ", "สายด่วน", "helpline", "hotline",
    ];

    /// <summary>The first number in the 80 characters after a noun ending at <paramref name="end"/> is a helpline named after it.</summary>
    private static bool HelplineAfterNoun(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var stop = window[digit..].IndexOfAnyExceptInRange('0', '9');
        return CalledAfter(text, end + digit + (stop < 0 ? window.Length - digit : stop));
    }

    /// <summary>The digits at <paramref name="i"/> follow a mask's stars or dots: a card's last four shown ("*٤٤١٩", "•••• 6612").</summary>
    private static bool MaskedTail(ReadOnlySpan<char> window, int i)
    {
        var before = window[..i].TrimEnd(' ');
        return before.Length > 0 && before[^1] is '*' or '•' or '●' or '∙' or '·' or '×';
    }

    /// <summary>A call or contact word stands in the 20 characters after the number ending at <paramref name="end"/>, on its line.</summary>
    internal static bool CalledAfter(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 20)];
        var newline = after.IndexOfAny('\n', '\r');
        after = (newline >= 0 ? after[..newline] : after).TrimStart(" ,");
        foreach (var word in CallWordsAfter)
        {
            if (after.StartsWith(word, StringComparison.OrdinalIgnoreCase) || (word[0] > 0x24F && after.Contains(word, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
