using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Secrets told in a conversation with an assistant, read from the misses and false alarms of the blind probe
/// <c>corpus/dev/sensitive-lookalikes-17.jsonl</c> by category (<c>SecretPhrases.Dictation</c> and the files named in
/// docs/CLASSIFIER.md, "Conversations"): each category a pair — values phrased unlike the probe, in several languages, and
/// what only looks like them. Single texts are checked through the prefilter too; conversations through the classifier.
/// </summary>
public class SensitiveConversationTests
{
    [Theory]
    [InlineData("the code on the screen is four, um, four seven... two one, the phone dimmed")]
    [InlineData("der Bestätigungscode lautet 8 2 … äh … 5 5 0, muss ich den jetzt eingeben?")]
    [InlineData("mi PIN nuevo: tres, siete... eh, ocho, dos")]
    [InlineData("пин-код от карты семь... ммм... четыре, один, девять")]
    [InlineData("현관 번호 구, 사, 오, 공 이야 잊지 마")]
    public void CodesReadAloudWithAPause_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("counting down: five, uh, four, three, two, one — liftoff!")]
    [InlineData("the kids chanted one... two... three... four and jumped in the pool")]
    [InlineData("삼, 사, 오, 육 순서로 줄을 서세요")]
    [InlineData("um, er, I guess 3 ... 4 people will come")]
    [InlineData("Schritt 1 … 2 … 3 … 4, dann ist der Teig fertig")]
    public void PausesWithoutACode_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("we named the goldfish Bubbles when I was nine, and that's still the answer to my bank's security question")]
    [InlineData("la pregunta de seguridad de mi cuenta: el barrio donde nací, que era Triana")]
    [InlineData("Sicherheitsfrage 'Lieblingslehrer', meine Antwort war damals Herr Brandt")]
    [InlineData("наша первая собака была Жучка, это же ответ на секретный вопрос в почте")]
    [InlineData("母の秘密の質問の答えは「ミケ」だって、教えてくれた")]
    public void SecurityAnswersToldAsStories_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("our first cat was called Pumpkin and lived to nineteen, write a short eulogy")]
    [InlineData("my bank's security questions are silly: 'name of your first pet' — everyone knows that")]
    [InlineData("la pregunta de seguridad de Santander me pide el nombre de mi primer perro, ¿es seguro?")]
    [InlineData("I answered all my security questions with random words. Should I write them down?")]
    public void StoriesWithoutAnAnswer_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void AnAnswerToldTurnsBeforeTheQuestion_IsSensitive()
    {
        Assert.True(Conversation("our first hamster was called Peanut, and yes that's my security answer at the credit union", "Cute!", "write a limerick about a hamster"));
        Assert.False(Conversation("our first hamster was called Peanut, he escaped twice", "Cute!", "write a limerick about a hamster"));
    }

    [Theory]
    [InlineData("escape room for the office party: the chest's padlock opens with 4-8-1, write three riddles")]
    [InlineData("Schnitzeljagd im Garten: das Zahlenschloss der Truhe geht mit 3-9-2 auf, schreib Reime dazu")]
    [InlineData("Rätsel für die Klasse: ein Zahlenschloss mit drei Rädchen von 0 bis 9")]
    [InlineData("un lucchetto con 4 ghiere da 0 a 9: quanti tentativi servono al massimo?")]
    public void LocksOfGamesAndPuzzles_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the padlock on my storage unit opens with 4-8-1")]
    [InlineData("宅配ボックスの暗証番号、メモして。5、0、3、8です")]
    [InlineData("they asked for my memorable word. The word is 'Marigold' — why only three letters?")]
    [InlineData("the bank wants my memorable info, it's 'Lighthouse' I think")]
    [InlineData("아빠 카드번호 9410 5521 8830 1276 저장해 줘")]
    public void ValuesInTheNextSentenceAndDomesticCards_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("暗証番号の決め方を教えて。2024年から変わるの？")]
    [InlineData("what is memorable information on a bank login? The letters they ask for change each time")]
    public void NamesWithoutAValueInTheNextSentence_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    /// <summary>The classifier's verdict on a chat: <paramref name="turns"/> alternate user and assistant, the user first.</summary>
    internal static bool Conversation(params string[] turns)
    {
        var messages = turns.Select((text, i) => new Dictionary<string, string> { ["role"] = i % 2 == 0 ? "user" : "assistant", ["content"] = text });
        var body = JsonSerializer.Serialize(new { messages });
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);
        return HeuristicClassifier.Sensitive(view) != SensitiveKind.None;
    }
}
