global using FastBooking.Domain.Tests.Support;
global using FastBooking.Testing;
global using NodaTime;
global using Seed = FsCheck.DoNotSize<int>;
