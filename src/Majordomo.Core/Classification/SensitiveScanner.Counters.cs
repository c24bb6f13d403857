namespace Majordomo.Classification;

/// <summary>
/// A shop's counter and what probes 42 and 44 left (docs/CLASSIFIER.md, "Probes 44 and 42, what was left"): a CPF in a log's or a
/// payload's field whose name holds it ("pagador_cpf=41788203915", its check digits wrong or not); Brazil's school "RA" in
/// capitals with a school's word near it or in its own shape ("RA 000112834570-2"); India's UTR, a transfer's reference, told
/// apart from the UK's taxpayer reference; Brazil's identity documents photographed (RG, CNH); a card reader or a card swiped
/// in a photo's ask, which names no card in the photo.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// Eleven digits (or the print 000.000.000-00) after '=' or ':' whose field's name holds "cpf" ("pagador_cpf=…", "cpf_pagador=…",
    /// <c>"payerCpf": "…"</c>): a person's CPF, whether or not its check digits hold (a mistyped id stays the person's).
    /// </summary>
    private static bool CpfField(ReadOnlySpan<char> text, int start)
    {
        Span<byte> d = stackalloc byte[12];
        Span<int> groups = stackalloc int[6];
        var i = DigitGroups(text, start, d, groups, dots: true, out var n, out var g, out var separators);
        if (n != 11 || (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) || !(g == 1 || (groups[..g] is [3, 3, 3, 2] && separators == 6))
            || d[..n].IndexOfAnyExcept(d[0]) < 0)
        {
            return false;
        }

        // Back past the value's quote and spaces to '=' or ':', then past the name's closing quote to the name.
        var k = start;
        while (k > 0 && text[k - 1] is '"' or '\'' or ' ')
        {
            k--;
        }

        if (k == 0 || text[k - 1] is not ('=' or ':'))
        {
            return false;
        }

        k--;
        while (k > 0 && text[k - 1] is '"' or '\'' or ' ')
        {
            k--;
        }

        var nameEnd = k;
        while (k > 0 && nameEnd - k < 40 && (char.IsAsciiLetterOrDigit(text[k - 1]) || text[k - 1] is '_' or '-' or '.'))
        {
            k--;
        }

        return text[k..nameEnd].Contains("cpf", StringComparison.OrdinalIgnoreCase);
    }

    // A school's words beside Brazil's RA (a pupil's or a student's registration number, "registro do aluno").
    private static readonly string[] RaSchoolWords =
    [
        "aluno", "aluna", "alunos", "alunas", "escola", "escolar", "faculdade", "universidade", "turma", "série", "serie", "ano letivo", "matrícula",
        "matricula", "boletim", "estudante", "professor", "professora", "secretaria", "portal do aluno", "classe", "colégio", "colegio",
    ];

    /// <summary>
    /// Brazil's RA ("registro do aluno") before the digits at <paramref name="start"/>: "RA" in capitals, a whole word, within the 40
    /// characters before them in their line, and a value of six to thirteen digits; either São Paulo's own shape (twelve digits, a
    /// dash and a check digit: "000112834570-2") or a school's word within the 160 characters around ("aluno, RA e turma").
    /// "RA" is also a right ascension, an arthritis and a resident assistant: never alone.
    /// </summary>
    private static bool RaNumber(ReadOnlySpan<char> text, int start)
    {
        if (start < 3 || InsideNumber(text, start))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 40)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var named = false;
        foreach (var at in SecretPhrases.Occurrences(before, "RA", StringComparison.Ordinal))
        {
            named |= SecretPhrases.WholeWordAt(before, at, 2);
        }

        if (!named)
        {
            return false;
        }

        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var digits = i - start;
        if (digits is < 6 or > 13)
        {
            return false;
        }

        var ownShape = digits == 12 && i + 1 < text.Length && text[i] == '-' && char.IsAsciiDigit(text[i + 1]) && (i + 2 == text.Length || !char.IsAsciiDigit(text[i + 2]));
        return ownShape || SecretPhrases.WordIn(text[Math.Max(0, start - 160)..Math.Min(text.Length, i + 80)], RaSchoolWords);
    }

    // Brazil's identity documents by their acronyms, in capitals and whole: the general registry's RG, the driving licence's CNH,
    // a foreigner's RNE.
    // Spain's DNI too, in capitals (in lower case only after a Spanish article or possessive: Polish "dni" and "dnia" are days; probe 52).
    private static readonly string[] DocumentAcronyms = ["RG", "CNH", "RNE", "DNI"];

    /// <summary>The ask that carries a photo names one of Brazil's identity documents by its acronym ("Foto do meu RG", "foto da CNH").</summary>
    internal static bool DocumentAcronymNamed(ReadOnlySpan<char> ask)
    {
        foreach (var acronym in DocumentAcronyms)
        {
            if (SecretPhrases.WholeWordIn(ask, acronym, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // What makes a card's noun name a card machine: "card reader", "card machine", "card terminal".
    private static readonly string[] CardDevices = [" reader", "-reader", " machine", " terminal", " slot"];

    // Verbs of swiping or inserting a card, before its article ("o cliente passou o cartão", "pasó la tarjeta", "inseriu o cartão").
    private static readonly string[] SwipeStems = ["pass", "pas", "inser", "insert", "aproxim", "acerc", "introdu", "meti", "colocou"];

    /// <summary>
    /// The card's noun from <paramref name="at"/> to <paramref name="end"/> names a card machine ("my card reader") or a card swiped in
    /// it ("o cliente passou o cartão", "cuando el cliente pasó la tarjeta"): the photo is the machine's, not the card's.
    /// </summary>
    private static bool CardOfMachine(ReadOnlySpan<char> ask, int at, int end)
    {
        var after = ask[end..Math.Min(ask.Length, end + 10)];
        foreach (var device in CardDevices)
        {
            if (after.StartsWith(device, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // The verb, one space, an article ("o", "a", "la", "el", "su", "seu", "sua"), one space, the noun.
        var before = ask[Math.Max(0, at - 20)..at].TrimEnd(' ');
        var article = before.LastIndexOf(' ');
        if (article < 0 || before.Length - article - 1 is < 1 or > 3)
        {
            return false;
        }

        var verbs = before[..article].TrimEnd(' ');
        var verb = verbs[(verbs.LastIndexOf(' ') + 1)..];
        foreach (var stem in SwipeStems)
        {
            if (verb.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
