namespace FastBooking.Application.Availability;

/// <summary>Which read answers availability: Redis when usable (<see cref="Auto"/>), or one forced by an operator.</summary>
public enum ReadPath { Auto, Redis, Postgres }
