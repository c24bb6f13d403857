using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Pasted material (after the blind probe <c>sensitive-lookalikes-16</c>, read by category in the twelfth session): e-mail threads, chat
/// exports, tickets, letters, forms, statements and tables pasted into a request. Detectors: patient and record numbers by the labels a
/// hospital's letter or a form prints (<c>Hospital no:</c>, <c>Patienten-ID</c>, <c>prontuário</c>…), a PIN or certificate column in a
/// table, a value in inline code (<c>pw `…`</c>), the answer line of a chat export whose lines carry a time stamp. Guards: a masked value
/// (<c>FR76 **** ****</c>, <c>930514-1******</c>, "endet auf …2051"), a reference or booking number on the line after a secret's noun, a
/// quoted mail header the value search runs into, a promotion's code, a payslip's tax code, "password-protected", a key's id, and the
/// account a password is for ("пароль від Приват24").
/// </summary>
internal static partial class SecretPhrases
{
    private static (string Phrase, Want Want)[] PastedPhrases() =>
    [
        // Patient, hospital and health-plan numbers as forms and letters label them.
        ("hospital no", Want.Digits), ("hospital #", Want.Digits), ("nhs no", Want.Digits), ("patient no", Want.Digits), ("patient #", Want.Digits),
        ("patienten-id", Want.Digits), ("patientennummer", Want.Digits), ("patienten-nr", Want.Digits), ("prontuário", Want.Digits), ("prontuario", Want.Digits),
        ("carteirinha", Want.Digits), ("convênio", Want.Digits), ("historia clínica", Want.Digits), ("número de historia", Want.Digits),
        ("cartella clinica", Want.Digits), ("dossier médical", Want.Digits), ("dossier patient", Want.Digits), ("patiëntnummer", Want.Digits),
        ("numer pacjenta", Want.Digits), ("karty pacjenta", Want.Digits), ("медицинской карты", Want.Digits), ("медкарты", Want.Digits),
        ("病历号", Want.Digits), ("病案号", Want.Digits), ("就诊卡号", Want.Digits), ("診察券番号", Want.Digits), ("患者番号", Want.Digits), ("患者id", Want.Digits),
        ("환자번호", Want.Digits), ("hasta no", Want.Digits), ("hasta numarası", Want.Digits),
    ];

    // Nouns read only as a table's header ("name,dbs_certificate,issued"): a certificate's number is someone's, a certificate in prose is not.
    // A property: SecretPhrases' trigger list is built from it while the class's fields initialise. "ni number" and its forms are read
    // through OCR's confusions.
    private static IEnumerable<string> PastedTriggers => ["certificate", .. PastedWords.Nino];

    // In a class of their own: the trigger list is built from them while SecretPhrases' fields initialise.
    private static class PastedWords
    {
        internal static readonly string[] Nino = ["ni number", "ni no", "nino", "national insurance no", "national insurance number", "nat ins no"];
    }

    private const string Certificate = "certificate";

    // PastedAt's labels by their first character (built on the first check, once SensitivePrefilter has initialised).
    private static class PastedStarts
    {
        internal static readonly FoldedWords Labels = new(PastedLabels);
    }

    private static IEnumerable<string> PastedLabels => PastedWords.Nino.Prepend(Certificate);

    /// <summary>
    /// A table whose header names a certificate column, read down its rows (<see cref="HeaderColumn"/>); a UK National Insurance
    /// number after its label as an OCR'd scan prints it (<see cref="OcrNino"/>).
    /// </summary>
    private static bool PastedAt(ReadOnlySpan<char> text, int at)
    {
        // Every trigger's hit asks these seven labels: only those whose first character folds like the hit's are compared (FoldedWords,
        // "certificate" first as before; issue 16 item 4: code dense in "key"). The same first match, so the same answer.
        var rest = text[at..];
        foreach (var label in PastedStarts.Labels.At(rest))
        {
            if (label == Certificate)
            {
                if (rest.StartsWith(label, StringComparison.OrdinalIgnoreCase))
                {
                    return HeaderColumn(text, at, at + 11, password: false);
                }

                continue;
            }

            if (rest.StartsWith(label, StringComparison.OrdinalIgnoreCase) && (at == 0 || !char.IsLetter(text[at - 1]))
                && (rest.Length == label.Length || !char.IsLetter(rest[label.Length])))
            {
                return OcrNino(rest[label.Length..Math.Min(rest.Length, label.Length + 24)]);
            }
        }

        return false;
    }

    /// <summary>
    /// A National Insurance number after its label, read through OCR's confusions (<c>SN 72 4l 88 B</c>: an l, I or | for a 1, an O
    /// or o for a 0): two prefix letters of the scheme, six digits in pairs or not, a suffix A–D. Not the documented QQ example.
    /// </summary>
    private static bool OcrNino(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(" .:：#\t");
        Span<char> chars = stackalloc char[9];
        var n = 0;
        foreach (var c in after)
        {
            if (c == ' ')
            {
                continue;
            }

            if (n == 9 || !(char.IsAsciiLetterOrDigit(c) || c == '|'))
            {
                break;
            }

            // The six digits sit at 2..7: only there is a letter read as the digit it looks like.
            chars[n] = n is >= 2 and <= 7 ? c switch { 'l' or 'I' or '|' => '1', 'O' or 'o' => '0', _ => c } : c;
            n++;
        }

        if (n != 9 || chars[2..8].IndexOfAnyExceptInRange('0', '9') >= 0 || chars[8] is < 'A' or > 'D')
        {
            return false;
        }

        char first = chars[0], second = chars[1];
        ReadOnlySpan<char> pair = [first, second];
        return char.IsAsciiLetterUpper(first) && char.IsAsciiLetterUpper(second) && !"DFIQUV".Contains(first) && !"DFIQUVO".Contains(second)
            && pair is not ("BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ");
    }

    /// <summary>
    /// Whether the value after a secret's noun (<paramref name="end"/>) is masked, in its line: three or more stars, two stars
    /// touching a digit (<c>***-***-**4471</c>), bullets, full-width stars, four X's or X's in groups, an ellipsis before digits (<c>…2051</c>), or
    /// "ending in" and its forms before digits. A statement or a form shows its last digits only: no one's number travels.
    /// </summary>
    internal static bool MaskedAfter(ReadOnlySpan<char> text, int end)
    {
        var region = text[end..Math.Min(text.Length, end + 48)];
        var newline = region.IndexOfAny('\n', '\r');
        region = ValueClause(newline >= 0 ? region[..newline] : region);
        for (var i = 0; i < region.Length; i++)
        {
            var c = region[i];
            var run = 1;
            while (i + run < region.Length && region[i + run] == c)
            {
                run++;
            }

            if ((c == '*' && (run >= 3 || (run == 2 && (Digit(region, i - 1) || Digit(region, i + 2) || (i + 2 < region.Length && region[i + 2] is '-' or '.')))))
                || (c is '＊' or '•' or '●' or '∗' && run >= 2) || (c is 'X' or 'x' && (run >= 4 || XGroups(region, i, run)) && (i == 0 || !char.IsLetter(region[i - 1])))
                || (c == '…' && Digit(region, i + 1)) || (c == '.' && run == 3 && Digit(region, i + 3)))
            {
                return true;
            }

            i += run - 1;
        }

        foreach (var ending in EndingWords.For(region))
        {
            var hit = region.IndexOf(ending, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && region[(hit + ending.Length)..].TrimStart(" :…．.").IndexOfAnyInRange('0', '9') == 0)
            {
                return true;
            }
        }

        return false;
    }

    // Probe 31 (D37073): "验证码为 730418，5 分钟内有效。您正在登录账户 186****2231": a whole value of four or more digits closed by a clause's
    // comma or stop is the value; a mask after it hides a later number (the account's), not this one. Since probe 34 a value in groups
    // ("650 213") and a sentence's full stop too ("şifrəniz 650 213. Heç kimə deməyin. Kart **** 4471").
    private static ReadOnlySpan<char> ValueClause(ReadOnlySpan<char> region)
    {
        var digit = region.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return region;
        }

        var run = region[digit..].IndexOfAnyExceptInRange('0', '9');
        while (run > 0 && digit + run + 1 < region.Length && region[digit + run] == ' ' && char.IsAsciiDigit(region[digit + run + 1]))
        {
            var group = region[(digit + run + 1)..].IndexOfAnyExceptInRange('0', '9');
            run = group < 0 ? -1 : run + 1 + group;
        }

        var rest = run < 0 ? [] : region[(digit + run)..];
        if (run < 4 || (digit > 0 && region[digit - 1] is '*' or '•' or '…' or 'X' or 'x'))
        {
            return region;
        }

        // Probe 52: a clause after the value before its sentence ends ("暗証番号 0417 を入れても…。カード番号は末尾 2291"): the mask
        // in the next sentence hides another number.
        var sentenceEnd = rest.IndexOfAny(SentenceStops);
        return rest.TrimStart(' ') is [',' or ';' or '，' or '。' or '；' or '、', ..] or ['.', ' ', ..] ? region[..(digit + run)]
            : sentenceEnd > 0 ? region[..(digit + run + sentenceEnd)]
            : region;
    }

    private static readonly System.Buffers.SearchValues<char> SentenceStops = System.Buffers.SearchValues.Create("。！？");

    // Probe 27: a US form's masked SSN or EIN, X's in the number's own groups (XXX-XX-1234, XX-XXXXXXX).
    private static bool XGroups(ReadOnlySpan<char> s, int i, int run)
    {
        var next = i + run;
        return run >= 2 && next + 2 < s.Length && s[next] is '-' or ' ' && s[next + 1] == s[i] && s[next + 2] == s[i];
    }

    private static bool Digit(ReadOnlySpan<char> s, int i) => i >= 0 && i < s.Length && char.IsAsciiDigit(s[i]);

    // "card ending 4471", "Konto endet auf 2051", "尾号 6621": the last digits of a masked number.
    private static readonly IgnoreCaseWords EndingWords = new(
    [
        "ending in", "ending", "ends in", "endet auf", "endend auf", "endend mit", "terminada en", "terminado en", "termina en", "terminant par", "se termine par",
        "finissant par", "terminada em", "terminado em", "com final", "final ", "che termina con", "terminante in", "eindigend op", "eindigt op", "kończący się na",
        "kończące się na", "końcówka", "заканчивается на", "закінчується на", "biten", "末尾", "尾号", "尾號", "끝자리", "slutar på", "päättyy",
    ]);

    /// <summary>
    /// The guards a pasted letter or notice needs before a noun's value is read: a masked value, "password-protected" (an
    /// adjective, not a noun with its value), a key's id ("key ID: 2026-11-rsa-01" names which key), a promotion's code in its
    /// line ("code SPRING27 and save 10%"), a payslip's tax code ("Tax code: 1257L").
    /// </summary>
    private static bool PastedNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want)
    {
        if (MaskedAfter(text, end))
        {
            return true;
        }

        var after = text[end..Math.Min(text.Length, end + 24)];
        if (want == Want.Word && (after.StartsWith("-protected", StringComparison.OrdinalIgnoreCase) || after.StartsWith(" protected", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("-geschützt", StringComparison.OrdinalIgnoreCase) || after.StartsWith(" geschützt", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (want == Want.Token && (StartsWord(after, " id") || StartsWord(after, "-id") || StartsWord(after, " identifier") || StartsWord(after, " fingerprint")))
        {
            return true;
        }

        return IsCodeWord(phrase) && (PromoLine(text, at, end) || PayeCode(text, at, end));
    }

    private static bool StartsWord(ReadOnlySpan<char> s, string word) =>
        s.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (s.Length == word.Length || !char.IsLetterOrDigit(s[word.Length]));

    // What a promotion's line says: a discount, a coupon, a checkout, a percentage off.
    private static readonly string[] PromoWords =
    [
        "% off", "%off", "save ", "discount", "promo", "coupon", "voucher", "checkout", "offer", "rabatt", "gutschein", "réduction", "remise", "descuento",
        "cupón", "cupon", "desconto", "cupom", "sconto", "korting", "zniżk", "rabat", "indirim", "скидк", "знижк", "промокод", "优惠", "折扣", "割引", "クーポン",
        "할인", "쿠폰",
    ];

    // The code's line, 100 characters either side: a promotion's words name its code public. A gift card's noun there makes the code the
    // card's, redeemable by whoever holds it ("O código do vale-presente … é 8KD2-…, posso usar junto com cupom?"), unless the line says
    // it was given out to everyone; a code given out on a livestream is public like a promotion's (SecretPhrases.Gaming).
    private static bool PromoLine(ReadOnlySpan<char> text, int at, int end)
    {
        var line = LineAround(text, at, end, 100);
        return (PromoWordsIn(line) || LivestreamCode(line)) && !GiftCardCode(line);
    }

    private static bool PromoWordsIn(ReadOnlySpan<char> line)
    {
        // "-15 % sur votre commande", "20% off": a percentage in the code's line.
        for (var p = line.IndexOf('%'); p > 0; p = line[(p + 1)..].IndexOf('%') is var q and >= 0 ? p + 1 + q : -1)
        {
            if (char.IsAsciiDigit(line[p - 1]) || (p > 1 && line[p - 1] == ' ' && char.IsAsciiDigit(line[p - 2])))
            {
                return true;
            }
        }

        foreach (var word in PromoWords)
        {
            if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> LineAround(ReadOnlySpan<char> text, int at, int end, int reach)
    {
        var from = Math.Max(0, at - reach);
        var to = Math.Min(text.Length, end + reach);
        var before = text[from..at].LastIndexOfAny('\n', '\r');
        var after = text[end..to].IndexOfAny('\n', '\r');
        return text[(before >= 0 ? from + before + 1 : from)..(after >= 0 ? end + after : to)];
    }

    // A UK payslip's tax code after "tax code": 1–4 digits and a suffix letter (1257L, 1100T), K and digits (K475), or BR, D0, D1, NT, 0T.
    private static bool PayeCode(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 4)..at];
        if (!before.TrimEnd().EndsWith("tax", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = text[end..Math.Min(text.Length, end + 20)].TrimStart(" :：\t");
        value = value.StartsWith("is ", StringComparison.OrdinalIgnoreCase) ? value[3..].TrimStart(' ') : value;
        var length = value.IndexOfAnyExcept(LettersAndDigits);
        value = length < 0 ? value : value[..length];
        if (value is "BR" or "D0" or "D1" or "NT" or "0T")
        {
            return true;
        }

        var digits = value.Length > 1 && value[0] == 'K' ? value[1..] : value.Length > 1 && value[^1] is 'L' or 'M' or 'N' or 'T' or 'X' ? value[..^1] : [];
        return digits.Length is >= 1 and <= 4 && digits.IndexOfAnyExceptInRange('0', '9') < 0;
    }

    // Words before the account a password is for: "пароль від Приват24", "password for Office365", "mot de passe de Free".
    private static readonly string[] ForWords =
    [
        "for", "to", "of", "on", "für", "zu", "zum", "pour", "de", "du", "para", "del", "per", "di", "voor", "van", "do", "dla", "od", "для", "від", "до", "от",
        "к", "för", "till", "til",
    ];

    /// <summary>
    /// Past the account a password is named for (<c>"password for Office365 is …"</c>): a preposition and one capitalised name with
    /// digits in it. The value is read from there, so the account's name is never taken for the password.
    /// </summary>
    private static int PastAccountName(ReadOnlySpan<char> text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var wordEnd = i;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd == i || wordEnd >= text.Length || text[wordEnd] != ' ' || !OneOf(text[i..wordEnd], ForWords))
        {
            return end;
        }

        var name = wordEnd + 1;
        var nameEnd = name;
        while (nameEnd < text.Length && char.IsLetterOrDigit(text[nameEnd]))
        {
            nameEnd++;
        }

        var token = text[name..nameEnd];
        return token.Length is >= 3 and <= 20 && char.IsUpper(token[0]) && token.IndexOfAnyInRange('0', '9') > 0 && (nameEnd == text.Length || !IsTokenChar(text[nameEnd]) || text[nameEnd] is '.' or ',' or ':')
            ? nameEnd : end;
    }

    // Words naming a reference, a ticket or a booking in any corpus language (NamesPublicNumber's stems too).
    private static readonly string[] ReferenceWords =
    [
        "ref", "réf", "référence", "reference", "referencia", "referência", "riferimento", "referentie", "referenz", "aktenzeichen", "vorgang", "incidencia", "incidente", "incident",
        "ticket", "reserva", "protocolo", "protocollo", "n.º", "nº", "n°", "sprawa", "zgłoszeni", "заявк", "обращени", "受付番号", "工单", "접수번호",
    ];

    /// <summary>
    /// The answer line after a secret's noun, up to a reference or booking number it names ("ref SHP-LSE-2026-0187", "la incidencia
    /// 88-20419", "Reserva n.º CNS-774120"), a quoted mail header (<c>&gt; From:</c>, <c>Sent:</c>), a section's heading or the same
    /// noun named again: what comes after them is another message's, section's or noun's, not the answer.
    /// </summary>
    private static ReadOnlySpan<char> AnswerSpan(ReadOnlySpan<char> next, ReadOnlySpan<char> noun)
    {
        next = BeforeHeading(BeforeMailHeader(next));
        // The noun again below as a label ("… with gross, tax code and net:" then "Tax code: 1257L"): that line is its own noun's to read.
        var cut = RestatedLabel(next, noun);
        foreach (var word in ReferenceWords)
        {
            var hit = next.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && hit < cut && (hit == 0 || !char.IsLetter(next[hit - 1])) && (word[0] > 0x2E80 || hit + word.Length == next.Length || !char.IsLetter(next[hit + word.Length]) || word.Length >= 6)
                && NumberAfter(next, hit + word.Length))
            {
                cut = hit;
            }
        }

        for (var i = 0; i < cut; i++)
        {
            if (char.IsLetter(next[i]) && (i == 0 || !char.IsLetter(next[i - 1])))
            {
                var j = i;
                while (j < next.Length && char.IsLetter(next[j]))
                {
                    j++;
                }

                if (NamedPublic(next[i..j]) && NumberAfter(next, j))
                {
                    cut = i;
                    break;
                }

                i = j;
            }
        }

        return next[..cut];
    }

    // Whether the word ending at <paramref name="end"/> names a number after it: past its letters, "n.º", "no.", "#" or a colon,
    // the next token holds a digit ("ref SHP-2026-0187", "Reserva n.º CNS-774120"; not "lose your phone, you can …").
    private static bool NumberAfter(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..];
        var letters = rest.IndexOfAnyExcept(LetterRange);
        rest = rest[(letters < 0 ? rest.Length : letters)..].TrimStart(" .:#º°\t");
        // "no", "nr" and a connector after it ("slip no is 2611-88734"), an owner's word ("giliran saya 1120-4458"): words before the number.
        for (var word = 0; word < 2; word++)
        {
            var space = rest.IndexOf(' ');
            if (space > 0 && ((space <= 3 && rest[..space].IndexOfAnyInRange('0', '9') < 0) || Possessive(rest[..space]) || OneOf(rest[..space], OwnerAfterNoun)))
            {
                rest = rest[space..].TrimStart(" .:#º°\t");
            }
        }

        var token = rest.IndexOfAny(" \n\r,;");
        return (token < 0 ? rest : rest[..token]).IndexOfAnyInRange('0', '9') >= 0;
    }

    // Where the noun stands again as a label, followed by its colon; the span's length when it does not.
    private static int RestatedLabel(ReadOnlySpan<char> next, ReadOnlySpan<char> noun)
    {
        for (var from = 0; noun.Length >= 3 && from < next.Length;)
        {
            var hit = next[from..].IndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (hit < 0)
            {
                break;
            }

            var after = next[(from + hit + noun.Length)..].TrimStart(' ');
            if (!after.IsEmpty && after[0] is ':' or '：')
            {
                return from + hit;
            }

            from += hit + 1;
        }

        return next.Length;
    }

    /// <summary>The text up to a section's heading on a line of its own after a blank line ("HOTEL", "==== PAYMENTS ===="): another part of the document.</summary>
    private static ReadOnlySpan<char> BeforeHeading(ReadOnlySpan<char> text)
    {
        var blank = false;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var newline = text[lineStart..].IndexOf('\n');
            var raw = newline < 0 ? text[lineStart..] : text[lineStart..(lineStart + newline)];
            var line = raw.Trim(" \t\r=#*-");
            // Capitals alone (any cased script); a CJK line has no case and is never a heading here.
            int capitals = 0, others = 0;
            foreach (var c in line)
            {
                capitals += char.IsUpper(c) ? 1 : 0;
                others += (char.IsLetter(c) && !char.IsUpper(c)) || char.IsDigit(c) || c == ':' ? 1 : 0;
            }

            // After a blank line: a name in capitals on a card ("MARCHAL HUGO") is no heading.
            if (blank && capitals >= 3 && others == 0 && newline >= 0)
            {
                return text[..lineStart];
            }

            blank = raw.Trim(" \t\r").IsEmpty;
            if (newline < 0)
            {
                break;
            }

            lineStart += newline + 1;
        }

        return text;
    }

    // A quoted mail header starts another message: "> From:", "Sent:", "Von:", "De :", "От:", "发件人：".
    private static readonly string[] MailHeaders =
    [
        "from:", "sent:", "date:", "subject:", "to:", "von:", "gesendet:", "betreff:", "an:", "de :", "de:", "envoyé :", "envoyé:", "objet :", "enviado:",
        "asunto:", "para:", "da:", "inviato:", "oggetto:", "verzonden:", "onderwerp:", "od:", "wysłano:", "temat:", "от:", "отправлено:", "тема:", "发件人",
        "寄件者", "差出人", "보낸 사람",
    ];

    // By their first character: every value read after a trigger's hit asks each of its lines (built on the first use, once
    // SensitivePrefilter has initialised).
    private static class MailHeaderStarts
    {
        internal static readonly FoldedWords Words = new(MailHeaders);

        // What a text needs for a line of it to start with a header: the header's colon, or for one without, its first character.
        internal static readonly SearchValues<char> Needed = SearchValues.Create([.. MailHeaderNeeds]);
    }

    /// <summary>For each mail header, the character a text must hold for a line to start with it (see <see cref="BeforeMailHeader"/>).</summary>
    internal static IEnumerable<char> MailHeaderNeeds => MailHeaders.Select(h => h.Contains(':') ? ':' : h[0]).Distinct();

    /// <summary>The text up to the first line that is a mail header (after any quote marks): the message a value belongs to ends there.</summary>
    internal static ReadOnlySpan<char> BeforeMailHeader(ReadOnlySpan<char> text)
    {
        // A line starts with a header only if the text holds that header's colon, or the first character of one without a colon (no
        // other character equals those under OrdinalIgnoreCase; SensitivePastedMaterialTests checks it): most windows after a noun in
        // code hold neither and are read through at once (issue 16 item 4).
        if (!text.ContainsAny(MailHeaderStarts.Needed))
        {
            return text;
        }

        for (var lineStart = 0; lineStart < text.Length;)
        {
            var line = text[lineStart..].TrimStart("> \t");
            foreach (var header in MailHeaderStarts.Words.At(line))
            {
                if (line.StartsWith(header, StringComparison.OrdinalIgnoreCase))
                {
                    return text[..lineStart];
                }
            }

            var newline = text[lineStart..].IndexOf('\n');
            if (newline < 0)
            {
                break;
            }

            lineStart += newline + 1;
        }

        return text;
    }

    /// <summary>
    /// The answer line of a chat export, its time stamp taken off ("[14:04] You: …", "14:04 - Ana: …", "03/12/2026, 14:04 - Ana: …"):
    /// a speaker's value, or for a secret word a single quoted word ("the whole word is "marmalade"").
    /// </summary>
    private static bool ChatAnswer(ReadOnlySpan<char> next, Want want)
    {
        foreach (var range in next.Split('\n'))
        {
            var line = next[range].TrimStart(" \t");
            var stamp = TimeStamp(line);
            if (stamp == 0)
            {
                continue;
            }

            line = line[stamp..];
            var colon = line.IndexOf(':');
            if (colon is <= 0 or > 24)
            {
                continue;
            }

            var answer = line[(colon + 1)..];
            if (Candidate(answer, connector: true, plain: true) || (want == Want.Answer && QuotedWord(answer)))
            {
                return true;
            }
        }

        return false;
    }

    // "[14:04] ", "14:04 - ", "03/12/2026, 14:04 - ": the length of a chat line's time stamp, 0 when there is none.
    private static int TimeStamp(ReadOnlySpan<char> line)
    {
        var close = line.Length > 0 && line[0] == '[' ? line.IndexOf(']') : -1;
        if (close is > 3 and <= 24 && line[1..close].Contains(':') && line[1..close].IndexOfAnyExcept("0123456789:/.,- APMapm") < 0)
        {
            return close + 1;
        }

        var run = line.IndexOfAnyExcept("0123456789:/., ");
        if (run is >= 4 and <= 22 && line[..run].Contains(':') && char.IsAsciiDigit(line[0]))
        {
            return line[run..].StartsWith("- ", StringComparison.Ordinal) ? run + 2 : run;
        }

        return 0;
    }

    // One quoted word of 3–30 letters (a memorable word, an answer), not a placeholder or a dummy.
    private static bool QuotedWord(ReadOnlySpan<char> answer)
    {
        var open = answer.IndexOfAny("\"“'«");
        if (open < 0 || (answer[open] == '\'' && open > 0 && char.IsLetter(answer[open - 1])))
        {
            return false;
        }

        var inner = answer[(open + 1)..];
        var close = inner.IndexOfAny("\"”'»");
        var value = close > 0 ? inner[..close] : [];
        return value.Length is >= 3 and <= 30 && value.IndexOfAny(" \t") < 0 && char.IsLetter(value[0]) && !Placeholder(value) && !DummyValue(value);
    }

    /// <summary>
    /// A lock's combination in the sentence after its noun's ("… combination padlocks. The store room one is set to 14-27-09"): two or
    /// three dashed pairs of one or two digits, not a date's four-digit year.
    /// </summary>
    private static bool DashedCombination(ReadOnlySpan<char> sentence)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            if (!char.IsAsciiDigit(sentence[i]) || (i > 0 && (char.IsLetterOrDigit(sentence[i - 1]) || sentence[i - 1] is '-' or '/' or '.')))
            {
                continue;
            }

            int j = i, groups = 0;
            while (j < sentence.Length)
            {
                var digits = 0;
                while (j < sentence.Length && char.IsAsciiDigit(sentence[j]))
                {
                    digits++;
                    j++;
                }

                if (digits is < 1 or > 2)
                {
                    groups = 0;
                    break;
                }

                groups++;
                if (j + 1 >= sentence.Length || sentence[j] != '-' || !char.IsAsciiDigit(sentence[j + 1]))
                {
                    break;
                }

                j++;
            }

            if (groups is 3 && (j == sentence.Length || !char.IsLetterOrDigit(sentence[j])))
            {
                return true;
            }

            i = j;
        }

        return false;
    }

    // A PIN column holds 4–8 digits ("door_pin": 4471).
    private static bool PinCell(ReadOnlySpan<char> value) => value.Length is >= 4 and <= 8 && value.IndexOfAnyExceptInRange('0', '9') < 0;
}
