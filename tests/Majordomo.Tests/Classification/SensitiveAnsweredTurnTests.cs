using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// A value given a turn after the model asks for it (<see cref="PromptView.AnsweredChars"/>, after the probe
/// <c>corpus/dev/sensitive-lookalikes-17.jsonl</c>): the answer is read beside the model's question, so "What's the code on
/// the card?" then "4471" is a code given; a question for a public value (an order number, a date) or a message that only
/// explains leaves the same answer alone. Phrased unlike the probe, several languages.
/// </summary>
public class SensitiveAnsweredTurnTests
{
    [Theory]
    [InlineData("I can't get into the app", "Sure. What's the six-digit code the text message showed?", "552019")]
    [InlineData("quiero cambiar mi cita", "Claro. ¿Me dice su número de DNI para buscarla?", "48213907K, y si puede el martes")]
    [InlineData("Ich brauche Hilfe beim Einloggen", "Wie lautet der Bestätigungscode aus der SMS?", "731 904, glaube ich")]
    [InlineData("j'ai oublié l'accès au coffre", "Quel est le code que vous aviez choisi ?", "8812, je crois")]
    [InlineData("хочу сменить тариф", "Назовите, пожалуйста, ваш ИНН?", "7707083893, это для ИП")]
    [InlineData("비밀번호를 잊어버렸어요", "본인 확인을 위해 인증번호 6자리를 알려주세요.", "482913")]
    public void AnAnswerToTheModelsQuestionForASecret_IsSensitive(string first, string question, string answer)
    {
        Assert.True(SensitiveConversationTests.Conversation(first, question, answer));

        // Neither turn alone holds it: the same answer after another question is no secret.
        Assert.False(SensitiveConversationTests.Conversation(first, "Anything else I can help with today?", answer));
    }

    [Theory]
    [InlineData("where's my sofa delivery", "Could you tell me the order reference?", "44810273, it was due Tuesday")]
    [InlineData("Ich möchte einen Tisch reservieren", "Für wie viele Personen und welches Datum?", "4 Personen, 12.03.")]
    [InlineData("mon colis n'est pas arrivé", "Quel est le numéro de suivi ?", "6A1934455102F, chez Colissimo")]
    [InlineData("my router is slow", "Have you tried restarting it? The password is on the sticker underneath.", "yes, twice, still slow at 3 Mbps")]
    [InlineData("what's a good PIN length?", "Six digits is better than four. Want tips on choosing one?", "2 tips please")]
    public void AnAnswerToAQuestionForAPublicValue_IsNot(string first, string question, string answer) =>
        Assert.False(SensitiveConversationTests.Conversation(first, question, answer));

    [Fact]
    public void AnsweredChars_PairsEachUserTurnWithTheModelsMessageBeforeIt()
    {
        var longAnswer = "4471 " + string.Join(' ', Enumerable.Repeat("word", 100));
        var body = $$$"""
            {"messages":[
              {"role":"user","content":"hi"},
              {"role":"assistant","content":"{{{new string('a', 300)}}} What's the code?"},
              {"role":"user","content":"{{{longAnswer}}}"},
              {"role":"assistant","content":"","tool_calls":[{"id":"c1","type":"function","function":{"name":"lookup","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"c1","content":"found"},
              {"role":"user","content":"thanks"}
            ]}
            """;
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);

        // One pair: the question's tail beside the answer's head; the turn after a tool result answers no question.
        var pairs = view.AnsweredChars.ToString();
        Assert.DoesNotContain(PromptView.PairSeparator, pairs);
        Assert.Contains("What's the code?\n4471 word word", pairs);
        Assert.EndsWith("word", pairs);

        // A cut inside a word moves to its end, at most 40 characters on either side.
        Assert.InRange(pairs.Length, PromptView.AskedTail + PromptView.AnswerHead - 80, PromptView.AskedTail + PromptView.AnswerHead + 81);
    }

    [Fact]
    public void AnsweredChars_ReadsAResponsesAssistantItemsOutputText()
    {
        var body = """
            {"input":[
              {"role":"user","content":"book a blood test"},
              {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Could you give me your patient number?"}]},
              {"role":"user","content":"it's 943 476 5919"},
              {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Thanks. Which day?"}]},
              {"role":"user","content":"Thursday"}
            ]}
            """;
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);

        Assert.Equal("Could you give me your patient number?\nit's 943 476 5919\u001eThanks. Which day?\nThursday", view.AnsweredChars.ToString());
        Assert.Contains("Which day?", view.AssistantChars.ToString());
    }
}
