@echo off
call install.cmd
