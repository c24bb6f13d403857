namespace Majordomo.Classification;

/// <summary>
/// A security question as a form asks it, after the train file <c>sensitive-categories-19</c> (probe 17's categories, docs/CLASSIFIER.md
/// "Probe 17's categories landed"): "security question: name of your first school (optional)" is the question, addressed to the
/// reader or marked as a form's field, not its answer. An answer after the question's end ("… school? Riverside", "first pet: Rex")
/// is still read.
/// </summary>
internal static partial class SecretPhrases
{
    // The nouns that name the question (not its answer) in the corpus languages.
    private static readonly string[] QuestionNouns =
    [
        "security question", "sicherheitsfrage", "question de sécurité", "question secrète", "pregunta de seguridad", "pergunta de segurança",
        "domanda di sicurezza", "beveiligingsvraag", "pytanie bezpieczeństwa", "pytanie pomocnicze", "контрольный вопрос", "säkerhetsfråga",
        "güvenlik sorusu",
    ];

    // Words that address the reader of a form ("your first school", "Ihr erstes Haustier", "votre ville").
    private static readonly string[] ReaderWords =
    [
        "your", "ihr", "ihre", "ihres", "ihrer", "dein", "deine", "votre", "vos", "ton", "ta", "tu", "tus", "su", "sus", "seu", "sua", "tuo", "tua",
        "uw", "je", "twój", "twoja", "twojego", "ваш", "ваша", "вашей", "вашего", "твой", "твоя", "senin", "din", "ditt",
    ];

    // A form field's note in brackets.
    private static readonly string[] FieldNotes =
    [
        "(optional)", "(required)", "(facultatif)", "(obligatoire)", "(opcional)", "(obligatorio)", "(obrigatório)", "(freiwillig)", "(pflichtfeld)",
        "(facoltativo)", "(obbligatorio)", "(optioneel)", "(verplicht)", "(opcjonalne)", "(необязательно)", "(обязательно)", "(isteğe bağlı)", "(valfritt)",
    ];

    /// <summary>
    /// Whether the question noun <paramref name="phrase"/> ending at <paramref name="end"/> is followed, on its line, by the question
    /// itself (addressed to the reader or with a field's note, ten words at most) and nothing after a question mark, a colon, a dash, a full stop or '='.
    /// </summary>
    private static bool FormQuestion(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (Array.IndexOf(QuestionNouns, phrase) < 0)
        {
            return false;
        }

        var line = text[end..Math.Min(text.Length, end + 120)];
        var newline = line.IndexOfAny('\n', '\r');
        line = (newline >= 0 ? line[..newline] : line).TrimStart(" :：");
        var separator = line.IndexOfAny("?？:=—–.。");
        if (separator >= 0 && line[(separator + 1)..].Trim(" .,;!?)").Length > 0)
        {
            return false;
        }

        // A field's label is short; a longer line goes on to tell the answer ("… « nom de votre premier instituteur » et j'avais mis Garnier").
        var words = 0;
        foreach (var range in line.Split(' '))
        {
            words += line[range].IsEmpty ? 0 : 1;
        }

        if (words > 10)
        {
            return false;
        }

        foreach (var note in FieldNotes)
        {
            if (line.Contains(note, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var range in line.SplitAny(" ,.;()"))
        {
            if (OneOf(line[range], ReaderWords))
            {
                return true;
            }
        }

        return false;
    }
}
