using Serverless.Sandbox.ChiliPiper;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox;

/// <summary>
/// The whole in-memory world of the sandbox twin. Each vendor area owns its own state object and lock,
/// so a slow request in one area never blocks the other.
/// </summary>
public sealed class SandboxState
{
    /// <param name="time">Clock used for every timestamp and for the message lifecycle; defaults to <see cref="TimeProvider.System"/>.</param>
    public SandboxState(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        PilotStatus = new PilotStatusState(Time);
        ChiliPiper = new ChiliPiperState(Time);
    }

    public TimeProvider Time { get; }

    /// <summary>Pilot Status (WhatsApp) twin state; seeded ids live in <see cref="PilotStatusSeed"/>.</summary>
    public PilotStatusState PilotStatus { get; }

    /// <summary>Chili Piper twin state; seeded ids live in <see cref="ChiliPiperSeed"/>.</summary>
    public ChiliPiperState ChiliPiper { get; }
}
