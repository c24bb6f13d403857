using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Personal finance (after the probe <c>sensitive-lookalikes-46</c>, docs/CLASSIFIER.md "Probe 46 read by category"): a loan's, a
/// mortgage's and a brokerage's account numbers by their nouns ("loan number … it's 0041887723", "número de préstamo", "Depotnummer",
/// "Robinhood account 5QR-81274"); a bank's online log-in id, read like a bank's customer number (a chat's question answered on the
/// next line); a coordinate card's values given ("tarjeta de coordenadas … se las di: 47, 91 y 20"; not the positions asked); a UK
/// bank's memorable word told by its letters ("A, T, E"). Not values: a password manager named as the tool, two-step verification
/// named as a state ("no 2FA", "2FA aktiv"), an app's name with digits after a preposition ("PIN-код … в Приват24").
/// </summary>
internal static partial class SecretPhrases
{
    // Language → a loan's, a mortgage's, a brokerage's or an investment account's number by its noun: a lender's or a broker's account
    // for one person, like a bank's (docs/LABELLING.md). Read as id nouns: a value of five characters or more.
    private static (string Language, string[] Nouns)[] LoanAccountTable =>
    [
        ("en", ["loan number", "loan no", "loan account", "loan acct", "loan #", "mortgage number", "mortgage no", "mortgage account", "brokerage account",
            "brokerage acct", "investment account", "trading account", "robinhood account", "schwab account", "fidelity account", "vanguard account",
            "etrade account", "e*trade account", "ibkr account", "interactive brokers account", "webull account", "wealthsimple account", "questrade account"]),
        ("de", ["darlehensnummer", "darlehens-nr", "darlehenskonto", "kreditnummer", "kreditkontonummer", "depotnummer", "depot-nr", "depotkonto"]),
        ("fr", ["numéro de prêt", "n° de prêt", "numéro du prêt", "numéro de crédit", "compte-titres", "compte titres"]),
        ("es", ["número de préstamo", "nº de préstamo", "número del préstamo", "número de hipoteca", "número de la hipoteca", "cuenta de valores"]),
        ("it", ["numero di mutuo", "numero del mutuo", "numero mutuo", "numero del prestito", "numero di prestito", "conto titoli", "dossier titoli"]),
        ("pt", ["número do empréstimo", "número do crédito", "conta de títulos", "conta títulos"]),
        ("nl", ["leningnummer", "hypotheeknummer", "beleggingsrekening"]),
        ("pl", ["numer kredytu", "numer umowy kredytu", "numer umowy kredytowej", "rachunek maklerski", "rachunku maklerskiego"]),
        ("tr", ["kredi numarası", "kredi hesap numarası", "yatırım hesabı"]),
        ("ru", ["номер кредитного договора", "номер кредита", "номер ипотеки", "брокерский счёт", "брокерский счет", "брокерского счёта", "брокерского счета"]),
        ("ar", ["رقم القرض", "رقم حساب القرض"]),
        ("ja", ["ローン番号", "証券口座"]),
        ("zh", ["贷款账号", "贷款合同号", "证券账户"]),
        ("ko", ["대출번호", "증권계좌"]),
    ];

    // A bank's online log-in id by its noun: a bank's identifier and half of its log-in (docs/LABELLING.md, a bank's log-in number).
    private static string[] BankLoginNouns =>
    [
        "online banking id", "online banking number", "online banking user id", "banking id", "identifiant de banque en ligne", "identifiant bancaire",
        "online-banking-kennung", "onlinebanking-kennung", "usuario de banca online", "usuario de la banca online", "identificativo home banking",
        "codice cliente home banking", "internetbankieren-id",
        // Probe 47: a bank's log-in number told to a caller ("her login number 73810264", "Anmeldenummer fürs Onlinebanking").
        "login number", "log-in number", "logon number", "online banking customer number", "anmeldenummer", "inlognummer",
    ];

    private static string[] FinanceIdNouns => [.. LoanAccountTable.SelectMany(row => row.Nouns), .. BankLoginNouns];

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open).
    private static (string Phrase, Want Want)[] FinancePhrases() => [.. FinanceIdNouns.Select(noun => (noun, Want.Digits))];

    // In a class of their own: read by TriggerPhrases while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class FinanceWords
    {
        // A coordinate card (a bank's grid of codes, one asked by its position): Spanish, Portuguese, English, French, Polish.
        internal static readonly string[] CoordinateCardNouns =
        [
            "tarjeta de coordenadas", "tarjeta coordenadas", "cartão matriz", "cartao matriz", "cartão de coordenadas", "grid card", "coordinate card",
            "security grid", "carte de coordonnées", "karta kodów", "karty kodów", "karcie kodów",
        ];

        // A UK bank's memorable word: asked and told by some of its letters.
        internal static readonly string[] MemorableNouns = ["memorable word", "memorable information", "memorable data", "memorable answer"];

        // Both lists in one searcher: FinanceAt runs at every trigger's start, most of them other rules' ("key", "session"), so one
        // vectorised test of the next few characters turns those away before sixteen StartsWith calls (twenty-third session: the
        // escaped-code scan 1,265 → 1,124 µs p10).
        internal static readonly SearchValues<string> Nouns = SearchValues.Create([.. CoordinateCardNouns, .. MemorableNouns], StringComparison.OrdinalIgnoreCase);

        // Before that search, two or three table lookups (as HelpDeskAt's and ResearchAt's): most places no noun starts fail them.
        internal static readonly WordStarts Starts = new([.. CoordinateCardNouns, .. MemorableNouns]);

        internal static readonly int LongestNoun = CoordinateCardNouns.Concat(MemorableNouns).Max(noun => noun.Length);
    }

    // The checks FinanceAt starts (added to TriggerPhrases).
    private static IEnumerable<string> FinanceTriggers => FinanceWords.CoordinateCardNouns.Concat(FinanceWords.MemorableNouns);

    /// <summary>The checks started by <see cref="FinanceTriggers"/>: a coordinate card's values, a memorable word's letters.</summary>
    private static bool FinanceAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (rest.Length < 8 || (at > 0 && char.IsLetter(text[at - 1])) || !FinanceWords.Starts.MayStart(rest)
            || rest[..Math.Min(rest.Length, FinanceWords.LongestNoun)].IndexOfAny(FinanceWords.Nouns) != 0)
        {
            return false;
        }

        foreach (var noun in FinanceWords.CoordinateCardNouns)
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return CoordinateValues(text, at, at + noun.Length);
            }
        }

        foreach (var noun in FinanceWords.MemorableNouns)
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return LetterList(LinesFrom(text, at + noun.Length, 200));
            }
        }

        return false;
    }

    // Words after which numbers are positions on the card, not its values ("las posiciones 3, 5 y 8", "cells 4 and 9").
    private static readonly string[] PositionStems =
    [
        "posici", "posiç", "posic", "position", "cell", "casilla", "celda", "case", "feld", "felder", "pozycj", "pole", "позици", "coordenada",
        "coordinate", "coordonnée", "column", "columna", "coluna", "fila", "row", "linha", "ligne", "box", "número", "number", "numéro", "nr",
    ];

    // Verbs opening a sentence that hands a card's values over ("Passei: 27 e 81", "Le di 38 y 62", "I gave 63 and 09").
    private static readonly string[] HandingOpeners = ["passei", "dei", "le di", "les di", "se las di", "le dije", "i gave", "i typed", "i told", "gave", "ho dato", "gli ho dato", "j'ai donné", "je lui ai donné", "podałem", "podałam"];

    // Words that join a list of numbers and keep it going.
    private static readonly string[] ListJoiners = ["y", "e", "and", "et", "und", "i", "и", "ve", "or", "o", "ou", "oder", "&"];

    /// <summary>
    /// The sentence around a coordinate card's noun (from its start to its end, 160 characters past the noun) gives the card's values:
    /// two numbers of one to four digits or more, or one of three or four that is no year, not glued to a letter ("A2", "D3" are a
    /// position's names) and not listed after a position's word ("las posiciones 3, 5 y 8").
    /// </summary>
    private static bool CoordinateValues(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 160)..at];
        var from = at - before.Length + before.LastIndexOfAny(".?!\n") + 1;
        var after = text[end..Math.Min(text.Length, end + 160)];
        var stop = after.IndexOfAny("?!\n");
        var dot = after.IndexOf(". ", StringComparison.Ordinal);
        // "… do meu cartão matriz. Passei: 27 e 81.": a next sentence that hands the values over is the card's too (probe 54).
        if (dot >= 0 && StartsWithAny(after[(dot + 2)..], HandingOpeners))
        {
            var more = after[(dot + 2)..].IndexOfAny(".?!\n");
            dot = more >= 0 ? dot + 2 + more : -1;
        }

        stop = dot >= 0 && (stop < 0 || dot < stop) ? dot : stop;
        var sentence = text[from..(stop < 0 ? end + after.Length : end + stop)];
        var nounAt = at - from;
        var (countBefore, longBefore) = CardValues(sentence[..nounAt]);
        var (countAfter, longAfter) = CardValues(sentence[(nounAt + (end - at))..]);
        return countBefore + countAfter >= 2 || (countBefore + countAfter == 1 && (longBefore || longAfter));
    }

    // The values in a stretch of a coordinate card's sentence: how many, and whether one is three or four digits and no year.
    private static (int Count, bool Long) CardValues(ReadOnlySpan<char> span)
    {
        var count = 0;
        var longest = false;
        var positional = false;
        var named = false;
        var i = 0;
        while (i < span.Length)
        {
            if (char.IsLetter(span[i]))
            {
                var word = i;
                while (i < span.Length && char.IsLetterOrDigit(span[i]))
                {
                    i++;
                }

                var token = span[word..i];
                if (token.IndexOfAnyInRange('0', '9') < 0 && !WordIn(token, ListJoiners))
                {
                    positional = StartsWithAny(token, PositionStems);
                    named = false;
                }
                else
                {
                    named |= positional && token.IndexOfAnyInRange('0', '9') > 0;
                }

                continue;
            }

            if (!char.IsAsciiDigit(span[i]))
            {
                // "las posiciones B4 y F7: 38 y 62": past the positions named, a colon gives their values (probe 54).
                positional &= !(span[i] == ':' && named);
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
            }

            var length = i - start;
            if (positional || length > 4 || (i < span.Length && char.IsLetter(span[i])) || (i + 1 < span.Length && span[i] is '.' or ',' or ':' or '/' && char.IsAsciiDigit(span[i + 1])))
            {
                named |= positional;
                continue;
            }

            count++;
            var year = length == 4 && span[start] is '1' or '2' && span[start + 1] is '9' or '0';
            longest |= length >= 3 && !year;
        }

        return (count, longest);
    }

    /// <summary>
    /// Three or more single letters or digits in a row, joined by commas, spaces or "and", at least one a letter ("A, T, E", "K, L, 9",
    /// "R, A, N"): a memorable word's letters told. Positions alone ("letters 2, 4 and 6") are all digits.
    /// </summary>
    private static bool LetterList(ReadOnlySpan<char> span)
    {
        var run = 0;
        var letters = 0;
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetterOrDigit(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && char.IsLetterOrDigit(span[i]))
            {
                i++;
            }

            var token = span[start..i];
            if (token.Length == 1 && (start == 0 || span[start - 1] is ' ' or ',' or '\t' or ':' or '"' or '\'') && (i == span.Length || span[i] is ' ' or ',' or '.' or '\n' or '\r' or '"' or '\'' or '?' or '!'))
            {
                run++;
                letters += char.IsLetter(token[0]) ? 1 : 0;
                if (run >= 3 && letters >= 1)
                {
                    return true;
                }
            }
            else if (!WordIn(token, ListJoiners) || token.Length > 3)
            {
                run = 0;
                letters = 0;
            }
        }

        return false;
    }

    // The rest of the line after end and the next line (a chat's question answered on the next line), at most max characters.
    private static ReadOnlySpan<char> LinesFrom(ReadOnlySpan<char> text, int end, int max)
    {
        var span = text[end..Math.Min(text.Length, end + max)];
        var first = span.IndexOf('\n');
        var second = first < 0 ? -1 : span[(first + 1)..].IndexOf('\n');
        return second < 0 ? span : span[..(first + 1 + second)];
    }

    // Words after a password's noun that make it the tool that keeps passwords ("password manager", "Passwort-Manager"), and the
    // words before it that do the same ("gestionnaire de mots de passe", "gestor de contraseñas").
    private static readonly string[] ToolAfterPassword = ["manager", "managers", "manager's", "vault", "safe", "keeper"];

    private static readonly string[] ToolBeforePassword = ["gestionnaire de", "gestionnaires de", "gestor de", "gerenciador de", "gestore di", "gestore delle", "menedżer", "менеджер", "менеджере"];

    // Negations before a two-step verification's noun and states after it: the setting named, no code.
    private static readonly string[] NoSecondFactor = ["no", "kein", "keine", "sin", "sans", "pas de", "geen", "bez", "без", "nessuna", "nessun", "sem", "without"];

    private static readonly string[] SecondFactorStates =
    [
        "enabled", "disabled", "on", "off", "via", "app", "per", "by", "aktiv", "aktiviert", "activé", "activée", "désactivé", "activado", "desactivado",
        "ativado", "attivo", "attiva", "aan", "uit", "włączone", "включена", "включен", "enabled;", "required", "set up",
    ];

    // Prepositions before an app's or a bank's name with digits ("в Приват24", "in Banking24", "dans Banque24").
    private static readonly string[] AppPrepositions = ["in", "on", "at", "в", "у", "на", "im", "in der", "dans", "en", "w", "na", "no", "di", "bei", "auf", "con", "with"];

    /// <summary>
    /// The guards of this file: no value follows the noun at <paramref name="at"/> ending at <paramref name="end"/>. A password manager
    /// is the tool, not a password's noun ("log in with the saved credentials in the password manager and download the 2025 1099"); a
    /// two-step verification named with a negation or a state is the setting ("no 2FA", "2FA aktiv (seit 2023)"); the only digits of a
    /// PIN's or a code's sentence stand in an app's name after a preposition ("PIN-код … в Приват24").
    /// </summary>
    private static bool FinanceNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want)
    {
        if (want == Want.Word && PasswordTool(text, at, end) && !QuotedOrStrong(text, end))
        {
            return true;
        }

        if (phrase is "2fa" or "mfa" or "mfa code")
        {
            if (EndsWithWord(text[Math.Max(0, at - 10)..at].TrimEnd(' '), NoSecondFactor) || StartsWithWord(text[end..Math.Min(text.Length, end + 12)].TrimStart(' '), SecondFactorStates))
            {
                return true;
            }
        }

        if (want == Want.Answer && PracticeNamed(text, at, end))
        {
            return true;
        }

        // An organisation's EIN after an id's noun ("Employer identification number (EIN): 94-2404110"; SensitiveScanner.Finance).
        var digit = text[end..Math.Min(text.Length, end + 40)].IndexOfAnyInRange('0', '9');
        if (want is Want.Digits or Want.Account or Want.Personal && digit >= 0 && SensitiveScanner.OrganisationEin(text, end + digit))
        {
            return true;
        }

        return want is Want.Digits or Want.Notice or Want.Short
            && (DigitsOnlyInAppNames(text, end) || (phrase is "pin" or "pin code" or "pincode" && (PinIdentifier(text, at, end) || PinPassedAsVariable(text, end))));
    }

    /// <summary>
    /// "pin" as a name in code: an argument between commas or brackets (<c>Client(blz, user_id, pin, url)</c>), or assigned a call's or a
    /// variable's result (<c>pin = keyring.get_password(…)</c>). Its value is elsewhere; a literal assigned (<c>pin = "48213"</c>) stays.
    /// </summary>
    private static bool PinIdentifier(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[..at].TrimEnd(' ');
        var after = text[end..Math.Min(text.Length, end + 40)].TrimStart(' ');
        if (after.IsEmpty)
        {
            return false;
        }

        if (before.Length > 0 && before[^1] is ',' or '(' && after[0] is ',' or ')')
        {
            return true;
        }

        return after.Length > 2 && after[0] == '=' && after[1] != '=' && after[1..].TrimStart(' ') is [var first, ..] && (char.IsAsciiLetter(first) || first == '_');
    }

    // Plural words after a security question's noun: the practice named in general ("security question answers are actually safe?").
    private static readonly string[] PluralAnswers =
        ["answers", "questions", "réponses", "respuestas", "antworten", "respostas", "risposte", "antwoorden", "odpowiedzi", "ответы", "cevaplar", "cevapları"];

    /// <summary>
    /// A security question's or answer's noun in the plural ("security answers", "security question answers") with no digits and no
    /// quoted value in the rest of its sentence: security answers talked about, none given.
    /// </summary>
    private static bool PracticeNamed(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 80)];
        var plural = text[(end - 1)..end] is "s" || StartsWithAny(after.TrimStart(' '), PluralAnswers);
        // "security qs: city born = Dayton": a colon or an equals sign hands the answers over.
        if (after.TrimStart(' ') is [':' or '=' or '-' or '—', ..] || after.IndexOf('=') >= 0)
        {
            return false;
        }

        var stop = after.IndexOfAny(".?!\n");
        var sentence = stop < 0 ? after : after[..stop];
        return plural && at < end && !sentence.ContainsAnyInRange('0', '9') && sentence.IndexOfAny("\"'«“„") < 0;
    }

    /// <summary>
    /// Every number of four digits or more in the 200 characters after a PIN's noun is a quoted argument of a call that also passes a
    /// bare <c>pin</c> (<c>FinTS3PinTanClient("70050000", user_id, pin, url)</c>): the PIN is that variable, the number a bank code.
    /// </summary>
    private static bool PinPassedAsVariable(ReadOnlySpan<char> text, int end)
    {
        var span = text[end..Math.Min(text.Length, end + 200)];
        var numbers = 0;
        var i = span.IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            var run = span[i..].IndexOfAnyExceptInRange('0', '9');
            var length = run < 0 ? span.Length - i : run;
            if (length >= 4 && !(i > 0 && char.IsLetter(span[i - 1])))
            {
                numbers++;
                var open = span[..i].LastIndexOf('(');
                var close = span[i..].IndexOf(')');
                if (i == 0 || span[i - 1] is not ('"' or '\'') || open < 0 || close < 0 || span[open..i].IndexOf('\n') >= 0 || !BarePin(span[(open + 1)..(i + close)]))
                {
                    return false;
                }
            }

            var next = span[(i + length)..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + length + next;
        }

        return numbers > 0;
    }

    // A call's argument list passes a bare "pin" (not quoted, not part of a longer name).
    private static bool BarePin(ReadOnlySpan<char> arguments)
    {
        foreach (var range in arguments.Split(','))
        {
            if (arguments[range].Trim(" \t").Equals("pin", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A quoted value or a password-shaped token in the sentence after end: a password the manager flagged ("flagged 'Oakleaf-Ridge-7'").
    private static bool QuotedOrStrong(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 80)];
        var stop = after.IndexOfAny(".?!\n");
        var sentence = stop < 0 ? after : after[..stop];
        return sentence.IndexOfAny("\"'«“„‘") >= 0 || StrongToken(sentence);
    }

    // The password noun at at is the tool that keeps passwords: a manager's or a vault's word right after it or glued to it, or a
    // manager's word before it.
    private static bool PasswordTool(ReadOnlySpan<char> text, int at, int end)
    {
        if (text[at..end].Contains("manager", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (StartsWithWord(text[end..Math.Min(text.Length, end + 12)].TrimStart(" -"), ToolAfterPassword))
        {
            return true;
        }

        var before = text[Math.Max(0, at - 24)..at];
        foreach (var word in ToolBeforePassword)
        {
            var hit = before.LastIndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && before[(hit + word.Length)..].Trim(" ").Length <= 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every digit in the sentence after <paramref name="end"/> (to its end, 80 characters at most) stands at the end of a capitalised
    /// name of three letters or more after a preposition ("в Приват24", "in Banking24"), and there is one: an app's or a bank's name.
    /// </summary>
    private static bool DigitsOnlyInAppNames(ReadOnlySpan<char> text, int end)
    {
        var span = text[end..Math.Min(text.Length, end + 80)];
        var stop = span.IndexOfAny("?!\n.");
        span = stop < 0 ? span : span[..stop];
        var names = 0;
        var i = span.IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            var start = i;
            while (start > 0 && char.IsLetter(span[start - 1]))
            {
                start--;
            }

            var digitsEnd = i;
            while (digitsEnd < span.Length && char.IsAsciiDigit(span[digitsEnd]))
            {
                digitsEnd++;
            }

            // The preposition right before the name, or before one word ("в приложении Банк24", "in the app Banking24").
            var before = span[..start].TrimEnd(' ');
            var preposition = EndsWithWord(before, AppPrepositions);
            var space = before.LastIndexOf(' ');
            preposition |= space > 0 && EndsWithWord(before[..space].TrimEnd(' '), AppPrepositions);

            if (i - start < 3 || !char.IsUpper(span[start]) || digitsEnd - i > 3 || (digitsEnd < span.Length && char.IsLetterOrDigit(span[digitsEnd])) || !preposition)
            {
                return false;
            }

            names++;
            var next = span[digitsEnd..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : digitsEnd + next;
        }

        return names > 0;
    }

    // One of words closes span as a whole word (no letter before it).
    internal static bool EndsWithWord(ReadOnlySpan<char> span, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (span.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (span.Length == word.Length || !char.IsLetter(span[^(word.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    // One of words opens span as a whole word (no letter after it).
    private static bool StartsWithWord(ReadOnlySpan<char> span, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (span.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (span.Length == word.Length || !char.IsLetter(span[word.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
