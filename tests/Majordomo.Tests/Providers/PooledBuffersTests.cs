using System.Buffers;
using Majordomo.Providers;

namespace Majordomo.Tests.Providers;

public class PooledBuffersTests
{
    [Fact]
    public void ABufferAboveTheLimit_IsNotKeptByThePool()
    {
        var big = PooledBuffers.Rent(PooledBuffers.MaxKeptBytes * 2);
        PooledBuffers.Return(big);

        // The shared pool hands a returned array of this size straight back on the same thread; a dropped one is gone.
        var next = ArrayPool<byte>.Shared.Rent(PooledBuffers.MaxKeptBytes * 2);
        Assert.NotSame(big, next);
        ArrayPool<byte>.Shared.Return(next);
    }

    [Fact]
    public void ASmallBuffer_GoesBackToThePool()
    {
        var small = PooledBuffers.Rent(16 * 1024);
        PooledBuffers.Return(small);

        var next = ArrayPool<byte>.Shared.Rent(16 * 1024);
        Assert.Same(small, next);
        ArrayPool<byte>.Shared.Return(next);
    }
}
