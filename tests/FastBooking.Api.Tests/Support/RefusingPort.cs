using System.Net;
using System.Net.Sockets;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// A loopback port that refuses every connection for the whole test run. A fixed "nothing listens here" port can be
/// taken by a server someone runs for other work (it was: a Redis on 6390 answered the Redis-down tests); a socket
/// bound and never listening holds an OS-chosen port and answers each connection attempt with a reset.
/// </summary>
public static class RefusingPort
{
    private static readonly Socket Reserved = Bind();

    public static int Number { get; } = ((IPEndPoint)Reserved.LocalEndPoint!).Port;

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
