/** The user's own code: a fleet tool that runs a command on many hosts over SSH with JSch. */
module com.example.fleet {
  requires com.jcraft.jsch;

  exports com.example.fleet;
}
