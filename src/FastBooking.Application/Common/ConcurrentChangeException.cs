namespace FastBooking.Application.Common;

/// <summary>
/// A concurrent transaction took what this one was writing (exclusion violation, deadlock, serialization failure):
/// raised by the persistence adapters, answered as <see cref="ErrorCode.SlotTaken"/> by the transaction pipeline.
/// </summary>
public sealed class ConcurrentChangeException(string message, Exception inner) : Exception(message, inner);
