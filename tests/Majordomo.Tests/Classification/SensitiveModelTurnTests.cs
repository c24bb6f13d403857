using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The model's earlier turns travel upstream with every later request (docs/LABELLING.md: anything that would travel
/// upstream): a secret in an assistant message or in a tool call's arguments makes the request sensitive, in each protocol.
/// </summary>
public sealed class SensitiveModelTurnTests
{
    private const string Secret = "Qv7!mTr2#pLx";

    public static TheoryData<string, string> SecretInTheModelsTurn => new()
    {
        { PromptView.OpenAIProtocol, $$$"""{"messages":[{"role":"user","content":"log me in"},{"role":"assistant","content":"Done: I used the password {{{Secret}}} for maria.k."},{"role":"user","content":"thanks"}]}""" },
        { PromptView.OpenAIProtocol, $$$"""{"messages":[{"role":"user","content":"log me in"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"login","arguments":"{\"user\":\"maria.k\",\"password\":\"{{{Secret}}}\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"ok"},{"role":"user","content":"done?"}]}""" },
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"check the db"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"exec","arguments":"{\"command\":\"psql postgres://app:Wq83hZk2Lm@db.internal:5432/app -c 'select 1'\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"1"}]}""" },
        { PromptView.AnthropicProtocol, $$$"""{"max_tokens":100,"messages":[{"role":"user","content":"log in"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"login","input":{"user":"maria.k","password":"{{{Secret}}}"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]}""" },
        { Majordomo.Providers.Responses.ResponsesProtocol.Id, $$$"""{"input":[{"role":"user","content":"log in"},{"type":"function_call","call_id":"c1","name":"login","arguments":"{\"pin\":4821,\"card\":\"debit\",\"password\":\"{{{Secret}}}\"}"},{"type":"function_call_output","call_id":"c1","output":"ok"}]}""" },
    };

    public static TheoryData<string, string> ModelTurnsWithoutASecret => new()
    {
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"where is the login checked?"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"exec","arguments":"{\"command\":\"grep -rn password src/auth/\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"src/auth/login.ts:12: if (!password) throw"}]}""" },
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"how do I pick a good password?"},{"role":"assistant","content":"Use a long passphrase from a password manager, and never reuse a password."},{"role":"user","content":"thanks"}]}""" },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"read the config"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Read","input":{"file_path":"/repo/config/settings.py"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"DB_PASSWORD = os.environ['DB_PASSWORD']"}]}]}""" },
        { Majordomo.Providers.Responses.ResponsesProtocol.Id, """{"input":[{"role":"user","content":"rename it"},{"type":"function_call","call_id":"call_8f2kQ9xZ7LmW3","name":"rename","arguments":"{\"from\":\"old.txt\",\"to\":\"new.txt\"}"},{"type":"function_call_output","call_id":"call_8f2kQ9xZ7LmW3","output":"ok"}]}""" },
    };

    [Theory]
    [MemberData(nameof(SecretInTheModelsTurn))]
    public void SecretInTheModelsTurn_IsSensitive(string protocol, string body) =>
        Assert.NotEqual(SensitiveKind.None, Scan(protocol, body));

    [Theory]
    [MemberData(nameof(ModelTurnsWithoutASecret))]
    public void ModelTurnsWithoutASecret_AreNot(string protocol, string body) =>
        Assert.Equal(SensitiveKind.None, Scan(protocol, body));

    [Fact]
    public void CallArguments_ReadAsNameAndValueLines_IdsAndTypesLeftOut()
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes($$$"""{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"ok","tool_calls":[{"id":"c1","type":"function","function":{"name":"login","arguments":"{\"user\":\"maria.k\",\"pin\":4821}"}}]}]}"""), PromptView.OpenAIProtocol);

        Assert.Equal("name: login\nuser: maria.k\npin: 4821\nok", view.AssistantChars.ToString().ReplaceLineEndings("\n"));
    }

    private static SensitiveKind Scan(string protocol, string body)
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), protocol);
        return HeuristicClassifier.Sensitive(view);
    }
}
