namespace FastBooking.Infrastructure.ReadModel;

/// <summary>Redis did not take a write the read model depends on: the projector's pass stops and is retried.</summary>
public sealed class RedisUnavailableException(string message) : Exception(message);
