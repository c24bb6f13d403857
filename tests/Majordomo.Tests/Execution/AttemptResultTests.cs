using Majordomo.Execution;
using Majordomo.Providers;

namespace Majordomo.Tests.Execution;

/// <summary>An attempt's result carries a failure's facts in an object of its own: the walk reads them as before.</summary>
public class AttemptResultTests
{
    [Fact]
    public void Final_NoFailureFacts()
    {
        var outcome = new ExecutionOutcome { Status = ExecutionStatus.Answered, Attempts = [] };

        var result = AttemptResult.Final(outcome);

        Assert.Same(outcome, result.Outcome);
        Assert.Null(result.Failed);
        Assert.Null(result.Failure);
        Assert.Null(result.Status);
        Assert.Null(result.Body);
        Assert.Null(result.RetryAfter);
    }

    [Theory]
    [InlineData(FailureClass.RateLimited, 429, 30)]
    [InlineData(FailureClass.CallerFault, 400, null)]
    [InlineData(FailureClass.Transient, null, null)]
    public void Failed_EachFactReadBack(FailureClass failure, int? status, int? retryAfterSeconds)
    {
        byte[] body = [1, 2, 3];
        TimeSpan? retryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

        var result = new AttemptResult(null, new AttemptFailure(failure, status, body, retryAfter));

        Assert.Null(result.Outcome);
        Assert.Equal(failure, result.Failure);
        Assert.Equal(status, result.Status);
        Assert.Same(body, result.Body);
        Assert.Equal(retryAfter, result.RetryAfter);
    }
}
