using System.Text;
using Majordomo.Providers;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers;

public sealed class BigAnswerTests
{
    [Fact]
    public void ClosedHead_CutsAfterTheLastWholeProperty_AndTheAnswerCheckReadsIt()
    {
        var head = """{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"a very long answer that goes on"""u8;

        var closed = BigAnswer.ClosedHead(head);

        Assert.Equal("""{"id":"chatcmpl-1"}""", Encoding.UTF8.GetString(closed));
        Assert.Equal(OpenAIWire.CompletionShape.Answer, OpenAIWire.InspectCompletion(closed, out _));
    }

    [Fact]
    public void ClosedHead_ErrorAtTheTop_IsAnErrorToTheProtocolsCheck()
    {
        var head = """{"error":{"message":"overloaded","type":"server_error"},"pad":"xxxxxxxx"""u8;

        Assert.Equal(OpenAIWire.CompletionShape.Error, OpenAIWire.InspectCompletion(BigAnswer.ClosedHead(head), out _));
        Assert.Equal(OpenAIWire.CompletionShape.Error, AnthropicWire.InspectMessage(BigAnswer.ClosedHead("""{"type":"error","error":{"type":"overloaded_error"},"x":"yyy"""u8), out _));
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html> and then a lot more")]
    [InlineData("[1,2,3,4")]
    [InlineData("{\"a\":tru")]
    public void ClosedHead_NotTheStartOfAnObject_IsNotJson(string head)
    {
        var closed = BigAnswer.ClosedHead(Encoding.UTF8.GetBytes(head));

        // "{"a":tru" is an incomplete literal, so nothing is complete yet: an empty object, not an error.
        var expected = head.StartsWith('{') ? OpenAIWire.CompletionShape.Answer : OpenAIWire.CompletionShape.NotJson;
        Assert.Equal(expected, OpenAIWire.InspectCompletion(closed, out _));
    }

    [Fact]
    public void UsageObject_OpenAITail_GivesItsUsage()
    {
        var tail = """xxxx"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":345,"total_tokens":357},"system_fingerprint":"fp"}"""u8;

        OpenAIWire.InspectCompletion(BigAnswer.UsageObject(tail), out var usage);

        Assert.Equal((12, 345, true), (usage.InputTokens, usage.OutputTokens, usage.Reported));
    }

    [Fact]
    public void UsageObject_AnthropicTail_GivesItsUsage()
    {
        var tail = """zzz"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":20}}"""u8;

        AnthropicWire.InspectMessage(BigAnswer.UsageObject(tail), out var usage);

        Assert.Equal((10, 20), (usage.InputTokens, usage.OutputTokens));
    }

    [Theory]
    [InlineData("""ns":3,"completion_tokens":4}}""")] // the object started before the tail
    [InlineData("""text that says "usage" in passing"}]}""")]
    [InlineData("""text with "usage":"a string" then"}""")]
    [InlineData("""no usage at all"}""")]
    public void UsageObject_NoWholeUsageObject_IsEmpty(string tail) =>
        Assert.Equal("{}", Encoding.UTF8.GetString(BigAnswer.UsageObject(Encoding.UTF8.GetBytes(tail))));

    [Theory]
    [InlineData("...\"}]}", true)]
    [InlineData("...\"}]} \r\n", true)]
    [InlineData("...\"}]", false)]
    [InlineData("...xxxx", false)]
    [InlineData("", false)]
    public void EndsObject_SaysWhetherTheJsonWasClosed(string tail, bool ends) =>
        Assert.Equal(ends, BigAnswer.EndsObject(Encoding.UTF8.GetBytes(tail)));

    [Fact]
    public void AnswerTail_KeepsTheLastBytes_WhateverThePartSizes()
    {
        var random = new Random(7);
        var all = new List<byte>();
        var tail = new AnswerTail();
        foreach (var size in new[] { 10, 70_000, 3, 65_536, 65_535, 1, 200_000, 17, 40_000, 30_000 })
        {
            var part = new byte[size];
            random.NextBytes(part);
            all.AddRange(part);
            tail.Add(part);

            var expected = all.Skip(Math.Max(0, all.Count - BigAnswer.TailBytes)).ToArray();
            Assert.Equal(expected, tail.Span.ToArray());
        }
    }
}
