using System.Net.Sockets;

namespace FastBooking.Faults.Rig;

public static class Ports
{
    /// <summary>Refuses to start on a port something already answers on: it could be someone else's service.</summary>
    public static async Task RequireFreeAsync(int port, string what)
    {
        if (await AnswersAsync(port))
            throw new InvalidOperationException($"{what}: port {port} on 127.0.0.1 is already in use; choose another (see --help).");
    }

    public static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException) { return false; }
    }
}
