namespace Majordomo.Classification;

/// <summary>
/// Look-alikes of transcripts and notifications (after the blind probe <c>sensitive-lookalikes-23</c>, docs/CLASSIFIER.md "Probe 23
/// read by category"): digits spoken for an order, a parcel, a ticket, a request or a phone ("the order number is … seven seven
/// three one two", "die Sendungsnummer fängt mit null null drei vier an", "رقم الطلب ثلاثة سبعة …"), and the dummy codes of SMS
/// templates and tests ("Your code is 000000", "123456 is your code", "12 34 56"); a chat export's or a mail header's time stamp, a
/// period of years ("SMS-TAN 2025/2026"), digits counting up ("0 1 2 3"), a card's last four ("card ending 0931"), a serial number or a
/// branch's code on the line after a noun; a noun inside a compound's name ("Passwort-Reset-Mail"). And a password given in pieces:
/// "starts with Rimon", "the netflix pass is⏎Biscuit⏎then 1957 …".
/// </summary>
internal static partial class SecretPhrases
{
    // Stems of public numbers' names in the corpus languages (matched at a word's start; Arabic, Hebrew and CJK anywhere).
    private static readonly string[] PublicSpokenStems =
    [
        "order", "booking", "reference", "ticket", "tracking", "invoice", "shipment", "parcel", "package", "customer service", "phone",
        "hotline", "request", "incident", "case number", "my number", "cell", "toll-free", "freephone", "numero verde", "numéro vert", "número gratuito",
        "bestell", "auftrag", "sendung", "rechnung", "kundennummer", "telefon", "handy", "vorgang", "buchung", "paket",
        "commande", "colis", "suivi", "facture", "référence", "dossier", "téléphone", "portable", "réservation",
        "pedido", "incidencia", "envío", "factura", "referencia", "reserva", "teléfono", "móvil", "localizador",
        "encomenda", "rastreio", "fatura", "protocolo", "telefone", "celular",
        "ordine", "spedizione", "fattura", "pratica", "prenotazione", "telefono", "cellulare", "mio numero",
        "klantenservice", "klantnummer", "telefoon", "reservering", "zending",
        "zamówieni", "przesyłk", "faktur", "rezerwacj",
        "заказ", "посылк", "трек", "телефон", "заявк", "брон",
        "sipariş", "kargo", "fatura", "rezervasyon", "takip",
        "παραγγελ", "αιτήματ", "αίτημα", "αποστολ", "τηλέφων", "κράτηση",
        "đơn hàng", "vận đơn", "điện thoại",
    ];

    private static readonly string[] PublicSpokenAnywhere =
    [
        "الطلب", "طلبك", "شحن", "الحجز", "فاتورة", "الهاتف", "خدمة العملاء", "הזמנה", "הפנייה", "פנייה", "משלוח", "טלפון", "המוקד", "חשבונית",
        "ऑर्डर", "फोन", "मोबाइल", "बुकिंग", "注文", "伝票", "予約", "電話", "受付番号", "订单", "快递单", "运单", "电话", "手机", "주문", "송장", "전화", "예약",
    ];

    // Secret nouns that name the digits after a public word ("the order app's PIN is …"): the nearer noun decides.
    private static readonly string[] SecretSpokenStems =
    [
        "pin", "code", "password", "passcode", "passwort", "wachtwoord", "senha", "contraseña", "clave", "mot de passe", "codice", "código", "kod",
        "пароль", "код", "şifre", "otp", "tan", "cvv", "iban", "konto", "account", "cuenta", "conto", "card", "karte", "carte", "carta", "tarjeta",
        "cartão", "karta", "карт", "sécu", "secu", "social", "fiscal", "passport", "pass", "dni", "cpf", "nss", "снилс",
        "密码", "暗証", "비밀번호", "סיסמ", "קוד", "رمز", "كلمة", "بطاقة", "κωδικ", "mật khẩu", "mã pin", "पिन", "आधार",
        // Probe 50: a health or insurance number told after "my number" ("my number the health one it's four eight …").
        "health", "nhs", "medicare", "medicaid", "insurance", "versicher", "krankenkass", "sanitari", "seguridad social", "sécurité sociale", "patient",
    ];

    /// <summary>
    /// Whether the spelled digits at <paramref name="at"/> are named in their sentence as a public number (an order, a parcel, a
    /// ticket, a phone) with no secret's noun nearer to them.
    /// </summary>
    private static bool PublicSpelled(ReadOnlySpan<char> text, int at)
    {
        // Back to the sentence's start; a question's line is read with its answer ("ticket number please⏎caller: nine nine four one").
        var before = text[Math.Max(0, at - 120)..at];
        var cut = Math.Max(before.LastIndexOfAny(".!。"), before.LastIndexOf("\n\n", StringComparison.Ordinal));
        before = cut >= 0 ? before[(cut + 1)..] : before;
        var publicAt = Math.Max(LastStem(before, PublicSpokenStems, wordStart: true), LastStem(before, PublicSpokenAnywhere, wordStart: false));
        return publicAt >= 0 && LastStem(before[publicAt..], SecretSpokenStems, wordStart: true) < 0;
    }

    // Where the last of the stems starts in `window` (at a word's start when asked), or -1.
    private static int LastStem(ReadOnlySpan<char> window, string[] stems, bool wordStart)
    {
        var last = -1;
        foreach (var stem in stems)
        {
            var from = 0;
            while (from < window.Length)
            {
                var hit = window[from..].IndexOf(stem, StringComparison.OrdinalIgnoreCase);
                if (hit < 0)
                {
                    break;
                }

                var at = from + hit;
                if (!wordStart || at == 0 || !char.IsLetter(window[at - 1]))
                {
                    last = Math.Max(last, at);
                }

                from = at + 1;
            }
        }

        return last;
    }

    /// <summary>
    /// An SMS template's or a test's dummy code: six to eight digits (spaces allowed) of one digit repeated ("000000", "111 111"),
    /// counting up from 0 or 1 ("123456", "12 34 56"), or zeros before one last digit ("000001").
    /// </summary>
    private static bool DummyCode(ReadOnlySpan<char> token)
    {
        Span<char> digits = stackalloc char[8];
        var count = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == 8)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                return false;
            }
        }

        return count >= 6 && (RepeatedOrCountingUp(digits[..count], fromZeroOrOne: true) || digits[..(count - 1)].IndexOfAnyExcept('0') < 0);
    }

    /// <summary>
    /// One digit repeated ("111111") or digits counting up by one ("3456"; from 0 or 1 only when <paramref name="fromZeroOrOne"/>):
    /// the shapes of a template's dummy (<see cref="DummyCode"/>) and of a weak code typed as one's own (<see cref="OwnWeakCode"/>).
    /// </summary>
    private static bool RepeatedOrCountingUp(ReadOnlySpan<char> digits, bool fromZeroOrOne)
    {
        bool same = true, up = !fromZeroOrOne || digits[0] <= '1';
        for (var k = 1; k < digits.Length; k++)
        {
            same &= digits[k] == digits[0];
            up &= digits[k] == digits[k - 1] + 1;
        }

        return same || up;
    }

    /// <summary>
    /// Guards of <see cref="DigitValue"/> after its value test: the token <paramref name="i"/>..<paramref name="end"/> of
    /// <paramref name="window"/> is a dummy code, a time stamp, a period of years, digits counting up, a card's last four, or a
    /// number a public label names just before it.
    /// </summary>
    private static bool SurfaceNotCode(ReadOnlySpan<char> window, int i, int end, int letters, bool idNoun)
    {
        var token = window[i..end];
        if (letters == 0 && (DummyCode(token) || Stamp(window, token, end) || YearSpan(token) || CountingUp(token) || SensitiveScanner.CalledWord(window, i)))
        {
            return true;
        }

        // A tracker's ticket key on the answer line ("JIRA-4427", "SHOP-2214"); after a person's id noun the same shape is the
        // record's number ("patiëntnr HP-44018"; probe 43).
        if (!idNoun && TicketKey(token))
        {
            return true;
        }

        // "card ending 0931", "Numéro de série : LK22093A4417", "शाखा कोड 04417": on the token's line, just before it.
        var before = window[Math.Max(0, i - 24)..i];
        var newline = before.LastIndexOfAny('\n', '\r');
        before = newline >= 0 ? before[(newline + 1)..] : before;
        foreach (var label in PublicLabels)
        {
            if (before.Contains(label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PublicLabels =
    [
        "ending", "ends in", "endet auf", "terminant par", "terminada en", "termina en", "final", "末尾", "끝자리", "serial", "série", "serie",
        "seriennummer", "s/n", "ssid", "शाखा", "branch", "filiale", "sucursal", "agência",
    ];

    // "2026-12-04 09:16", "02/12/2026 17:15", "12/06 11:02": a date and the hour a chat export, a mail header or a notification
    // stamps, read up to the time's colon.
    private static bool Stamp(ReadOnlySpan<char> window, ReadOnlySpan<char> token, int end)
    {
        var space = token.LastIndexOf(' ');
        if (space <= 0 || end >= window.Length || window[end] != ':' || token.Length - space - 1 > 2)
        {
            return false;
        }

        var day = token[..space];
        return Date(day) || (day.Length is >= 3 and <= 5 && day.IndexOfAny("/.") is > 0 and var mark && mark < day.Length - 1
            && day[..mark].IndexOfAnyExceptInRange('0', '9') < 0 && day[(mark + 1)..].IndexOfAnyExceptInRange('0', '9') < 0);
    }

    // "JIRA-4427": an upper-case project key, a dash and the number.
    private static bool TicketKey(ReadOnlySpan<char> token)
    {
        var dash = token.IndexOf('-');
        return dash is >= 2 and <= 10 && token.Length - dash - 1 is >= 1 and <= 6 && token[..dash].IndexOfAnyExceptInRange('A', 'Z') < 0
            && token[(dash + 1)..].IndexOfAnyExceptInRange('0', '9') < 0;
    }

    // An answer line that names a network ("je lis : SSID Livebox-7A21 / …", "Réseau SFR-88C1"): the name is public.
    private static bool NetworkNamed(ReadOnlySpan<char> next)
    {
        var line = LineFrom(next, 0, 60);
        return line.Contains("ssid", StringComparison.OrdinalIgnoreCase) || line.Contains("réseau", StringComparison.OrdinalIgnoreCase)
            || line.Contains("network name", StringComparison.OrdinalIgnoreCase) || line.Contains("netzwerkname", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A connection string dictated ("… colon slash slash app underscore user colon Pelican dash ninety one at db dot internal …"):
    /// after the spoken scheme, a user, "colon", a password and "at" before the host.
    /// </summary>
    private static bool SpokenUrl(ReadOnlySpan<char> text, int end)
    {
        if (!text[..end].EndsWith("colon slash slash", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var line = LineFrom(text, end, 160);
        var colon = line.IndexOf(" colon ", StringComparison.OrdinalIgnoreCase);
        if (colon <= 0)
        {
            return false;
        }

        // Not the user's name again ("postgres colon postgres at localhost": a default, docs/LABELLING.md).
        var user = line[..colon].Trim();
        var rest = line[(colon + 7)..];
        var at = rest.IndexOf(" at ", StringComparison.OrdinalIgnoreCase);
        return at > 0 && rest[..at].IndexOf(" slash ", StringComparison.OrdinalIgnoreCase) < 0 && !rest[..at].Contains("password", StringComparison.OrdinalIgnoreCase)
            && !rest[..at].Trim().Equals(user, StringComparison.OrdinalIgnoreCase);
    }

    // "2025/2026", "2019-2024": a period of years.
    private static bool YearSpan(ReadOnlySpan<char> token) =>
        token.Length == 9 && token[4] is '/' or '-' && Year(token[..4]) && Year(token[5..]);

    private static bool Year(ReadOnlySpan<char> s) =>
        s.Length == 4 && s.IndexOfAnyExceptInRange('0', '9') < 0 && s[0] is '1' or '2' && s[1] is '9' or '0';

    // "0 1 2 3": single digits counting up or down by one.
    private static bool CountingUp(ReadOnlySpan<char> token)
    {
        if (token.Length < 7)
        {
            return false;
        }

        var step = 0;
        for (var k = 0; k < token.Length; k++)
        {
            if (k % 2 == 1)
            {
                if (token[k] != ' ')
                {
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiDigit(token[k]))
            {
                return false;
            }

            if (k >= 2)
            {
                var d = token[k] - token[k - 2];
                step = k == 2 ? d : step;
                if (d != step || d is not (1 or -1))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // "Passwort-Reset-Mail", "Passwort-vergessen-Seite": the noun names a compound's first part, not a password stated.
    private static bool NounInCompound(ReadOnlySpan<char> text, int end)
    {
        if (end + 2 >= text.Length || text[end] != '-' || !char.IsLetter(text[end + 1]))
        {
            return false;
        }

        var i = end + 1;
        while (i < text.Length && i - end < 16 && char.IsLetter(text[i]))
        {
            i++;
        }

        return i + 1 < text.Length && text[i] == '-' && char.IsLetter(text[i + 1]);
    }

    // "starts with", in the corpus languages: a password's first piece follows.
    private static readonly string[] StartsWithWords =
    [
        "starts with", "begins with", "start with", "começa com", "comienza con", "empieza por", "empieza con", "commence par", "beginnt mit",
        "fängt mit", "inizia con", "begint met", "начинается с", "zaczyna się od", "מתחילה ב", "מתחיל ב", "يبدأ ب", "يبدأ بـ",
    ];

    // What follows "starts with" when the sentence describes a rule ("must start with a capital letter").
    private static readonly string[] RuleWords =
    [
        "a", "an", "the", "letter", "capital", "uppercase", "lowercase", "number", "digit", "symbol", "character", "une", "un", "una", "uma", "um",
        "ein", "eine", "einem", "einer", "großbuchstaben", "buchstaben", "lettre", "majuscule", "letra", "mayúscula", "maiúscula", "lettera", "cijfer",
        "hoofdletter", "letter", "буквы", "цифры", "заглавной",
    ];

    /// <summary>A password's first piece: "the code … starts with 90", "הסיסמה … מתחילה ב- Rimon", "a senha … começa com Girassol".</summary>
    private static bool StartsWithValue(ReadOnlySpan<char> text, int end)
    {
        var line = LineFrom(text, end, 100);
        foreach (var words in StartsWithWords)
        {
            var hit = line.IndexOf(words, StringComparison.OrdinalIgnoreCase);
            if (hit < 0)
            {
                continue;
            }

            var rest = line[(hit + words.Length)..].TrimStart(" -:\"'“„«");
            var length = 0;
            while (length < rest.Length && (char.IsLetterOrDigit(rest[length]) || rest[length] is '_' or '!' or '#' or '$' or '@'))
            {
                length++;
            }

            // One digit word is one number of a combination, not a piece of it ("ça commence par sept").
            // A piece cut by the line's limit is no piece.
            var piece = rest[..length];
            if (piece.Length >= 2 && (length < rest.Length || line.Length < 100) && !OneOf(piece, RuleWords) && !OneOf(piece, Descriptions) && !Spelled.DigitWords.ContainsKey(piece))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A password sent in pieces, one message a line: the noun's line ends on its connector ("the netflix pass is", "wifi at the
    /// cabin:"), the next line is one chosen word ("Biscuit", "Heron") and a line after it gives digits ("then 1957 and a dollar sign").
    /// </summary>
    private static bool PiecesOnNextLines(ReadOnlySpan<char> text, int end)
    {
        var nounLine = LineFrom(text, end, 40);
        var rest = nounLine.TrimEnd(" \"'”»“");
        if (rest.Length == 0 || end + nounLine.Length >= text.Length || !(rest.EndsWith(" is", StringComparison.OrdinalIgnoreCase) || rest[^1] == ':'))
        {
            return false;
        }

        var from = end + LineFrom(text, end, 200).Length;
        var lines = 0;
        var word = false;
        while (from < text.Length && lines < 3)
        {
            while (from < text.Length && text[from] is '\n' or '\r')
            {
                from++;
            }

            var line = LineFrom(text, from, 80);
            from += line.Length;
            lines++;
            var content = line.Trim(" \"'“”„«»");
            if (lines == 1)
            {
                // One capitalised word of letters ("Biscuit"): the first piece.
                word = content.Length is >= 3 and <= 20 && char.IsUpper(content[0]) && AllLetters(content);
                if (!word)
                {
                    return false;
                }

                continue;
            }

            if (content.IndexOfAnyInRange('0', '9') >= 0)
            {
                return true;
            }
        }

        return false;
    }


    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
